package org.nngrader.bank.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds each edge label a place on its edge, clear of the neurons, of the labels placed before
 * and, where it can, of other edges (an edge under a label makes it unclear which edge the label
 * is of). Boxes are {x, y, width, height}; the first position tried that covers nothing wins,
 * else the one that covers least. Deterministic.
 */
final class LabelPlacer {

  /** Where along an edge (0 at the source) its label may go, in order of preference. */
  private static final double[] ALONG_DIAGONAL = {0.3, 0.24, 0.36, 0.42, 0.18, 0.5, 0.58, 0.66};
  private static final double[] ALONG_STRAIGHT = {0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74};

  /** Circles {cx, cy, r}. */
  private final List<double[]> circles;
  /** Segments {x0, y0, x1, y1}. */
  private final List<double[]> edges;
  private final List<double[]> taken = new ArrayList<>();

  LabelPlacer(List<double[]> circles, List<double[]> edges) {
    this.circles = List.copyOf(circles);
    this.edges = List.copyOf(edges);
  }

  /** Keeps a box free of the labels placed after it. */
  void take(double[] box) {
    taken.add(box);
  }

  /** The box a label of this size gets on an edge (one of those given); it is then taken. */
  double[] place(double[] edge, double width, double height) {
    double[] along = edge[1] == edge[3] ? ALONG_STRAIGHT : ALONG_DIAGONAL;
    double[] chosen = null;
    double least = Double.MAX_VALUE;
    for (int i = 0; i < along.length; i++) {
      double t = along[i];
      double cx = edge[0] + (edge[2] - edge[0]) * t;
      double cy = edge[1] + (edge[3] - edge[1]) * t;
      double[] b = {cx - width / 2, cy - height / 2, width, height};
      double cost = cover(b) + 40 * crossings(b, edge) + 2 * i;
      if (cost < least) {
        chosen = b;
        least = cost;
      }
    }
    taken.add(chosen);
    return chosen;
  }

  /** The right and bottom ends of everything taken. */
  double[] extent() {
    double right = 0;
    double bottom = 0;
    for (double[] b : taken) {
      right = Math.max(right, b[0] + b[2]);
      bottom = Math.max(bottom, b[1] + b[3]);
    }
    return new double[] {right, bottom};
  }

  /**
   * How much a box covers of the boxes taken and of the circles (with a margin around each); 0
   * when it covers nothing.
   */
  private double cover(double[] b) {
    double sum = 0;
    for (double[] p : taken) {
      double w = Math.min(p[0] + p[2], b[0] + b[2]) - Math.max(p[0], b[0]) + 4;
      double h = Math.min(p[1] + p[3], b[1] + b[3]) - Math.max(p[1], b[1]) + 4;
      sum += w > 0 && h > 0 ? w * h : 0;
    }
    for (double[] c : circles) {
      double dx = Math.max(b[0] - c[0], Math.max(0, c[0] - b[0] - b[2]));
      double dy = Math.max(b[1] - c[1], Math.max(0, c[1] - b[1] - b[3]));
      double reach = c[2] + 3;
      // Farther off along an axis than the margin reaches (by far more than hypot's rounding):
      // the distance is too, and the circle adds nothing.
      if (dx > reach + 1 || dy > reach + 1) {
        continue;
      }
      double in = reach - Math.hypot(dx, dy);
      sum += in > 0 ? 100 * in : 0;
    }
    return sum;
  }

  /** How many edges other than the label's own pass through its box. */
  private int crossings(double[] b, double[] own) {
    int count = 0;
    for (double[] e : edges) {
      if (e != own && crosses(b, e)) {
        count++;
      }
    }
    return count;
  }

  /** Whether a segment passes through a box (Liang-Barsky clipping). */
  static boolean crosses(double[] b, double[] e) {
    double[] p = {-(e[2] - e[0]), e[2] - e[0], -(e[3] - e[1]), e[3] - e[1]};
    double[] q = {e[0] - b[0], b[0] + b[2] - e[0], e[1] - b[1], b[1] + b[3] - e[1]};
    double lo = 0;
    double hi = 1;
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] < 0) {
          return false;
        }
      } else {
        double r = q[i] / p[i];
        if (p[i] < 0) {
          lo = Math.max(lo, r);
        } else {
          hi = Math.min(hi, r);
        }
      }
    }
    return lo < hi;
  }
}
