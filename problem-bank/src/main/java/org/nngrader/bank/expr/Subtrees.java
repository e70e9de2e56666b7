package org.nngrader.bank.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Walks over expression trees: the names they use, their nodes in pre-order, and copies with one
 * node replaced (addressed by its pre-order index, since equal subtrees may occur twice).
 */
final class Subtrees {

  private Subtrees() {}

  static SortedSet<String> symbols(Expr e) {
    SortedSet<String> names = new TreeSet<>();
    for (Expr node : preorder(e)) {
      if (node instanceof Expr.Symbol) {
        names.add(((Expr.Symbol) node).name());
      }
    }
    return Collections.unmodifiableSortedSet(names);
  }

  static SortedSet<String> functions(Expr e) {
    SortedSet<String> names = new TreeSet<>();
    for (Expr node : preorder(e)) {
      if (node instanceof Expr.Call) {
        names.add(((Expr.Call) node).function());
      }
    }
    return Collections.unmodifiableSortedSet(names);
  }

  /** Every node, parents before children, left before right. */
  static List<Expr> preorder(Expr e) {
    List<Expr> nodes = new ArrayList<>();
    collect(e, nodes);
    return nodes;
  }

  private static void collect(Expr e, List<Expr> nodes) {
    nodes.add(e);
    for (Expr child : children(e)) {
      collect(child, nodes);
    }
  }

  static List<Expr> children(Expr e) {
    if (e instanceof Expr.Negation) {
      return List.of(((Expr.Negation) e).operand());
    }
    if (e instanceof Expr.Binary) {
      Expr.Binary b = (Expr.Binary) e;
      return List.of(b.left(), b.right());
    }
    if (e instanceof Expr.Call) {
      return List.of(((Expr.Call) e).argument());
    }
    return List.of();
  }

  /** A copy of {@code root} with its node number {@code index} (pre-order) replaced. */
  static Expr replace(Expr root, int index, Expr replacement) {
    int size = preorder(root).size();
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(
          "node " + index + " of an expression with " + size + " nodes");
    }
    return replace(root, new int[] {index}, replacement);
  }

  /**
   * {@code remaining[0]} counts the nodes still to pass before the one to replace; it is -1 once
   * the replacement is made, and the rest of the tree is then shared, not copied.
   */
  private static Expr replace(Expr e, int[] remaining, Expr replacement) {
    if (remaining[0] < 0) {
      return e;
    }
    if (remaining[0] == 0) {
      remaining[0] = -1;
      return replacement;
    }
    remaining[0]--;
    if (e instanceof Expr.Negation) {
      return new Expr.Negation(replace(((Expr.Negation) e).operand(), remaining, replacement));
    }
    if (e instanceof Expr.Binary) {
      Expr.Binary b = (Expr.Binary) e;
      Expr left = replace(b.left(), remaining, replacement);
      Expr right = replace(b.right(), remaining, replacement);
      return new Expr.Binary(b.operator(), left, right);
    }
    if (e instanceof Expr.Call) {
      Expr.Call call = (Expr.Call) e;
      return new Expr.Call(call.function(), replace(call.argument(), remaining, replacement));
    }
    return e;
  }
}
