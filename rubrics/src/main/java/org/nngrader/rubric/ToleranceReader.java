package org.nngrader.rubric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nngrader.rubric.YamlNode.Entry;
import org.nngrader.rubric.YamlNode.MapNode;

/**
 * Reads a {@code tolerance} map: {@code absolute} and/or {@code relative} (they combine as
 * {@code |a - b| <= absolute + relative * |b|}), or {@code significantFigures} alone, or
 * {@code decimalPlaces} alone.
 */
final class ToleranceReader {
  static final List<String> MODES =
      List.of("absolute", "relative", "significantFigures", "decimalPlaces");
  private static final List<String> ALONE = List.of("significantFigures", "decimalPlaces");
  private static final String EXPECTED =
      "a map of tolerance modes, such as {relative: 0.001} or {significantFigures: 4}";

  private final FieldReader in;

  ToleranceReader(FieldReader in) {
    this.in = in;
  }

  /** The tolerance at {@code entry}, or {@code null} after reporting what is wrong. */
  Tolerance read(Entry entry, String path) {
    MapNode map = in.map(entry.value(), path, EXPECTED);
    if (map == null) {
      return null;
    }
    if (map.entries().isEmpty()) {
      in.problems().add(
          entry.line(), entry.column(), path,
          path + " is empty; give absolute and/or relative, or significantFigures, or"
              + " decimalPlaces");
      return null;
    }
    Map<String, Entry> f = in.fields(map, path, MODES, "tolerance mode");
    if (f.isEmpty()) {
      return null;
    }
    boolean ok = combinationIsValid(f, path);
    Double absolute = null;
    Double relative = null;
    Integer digits = null;
    for (Entry mode : f.values()) {
      String at = FieldReader.path(path, mode.key());
      switch (mode.key()) {
        case "absolute" ->
            absolute = in.number(mode.value(), at, 0, Double.MAX_VALUE, "at least 0");
        case "relative" -> relative = in.number(mode.value(), at, 0, 1, "between 0 and 1");
        case "significantFigures" -> digits = in.whole(mode.value(), at, 1, Tolerance.MAX_DIGITS);
        case "decimalPlaces" -> digits = in.whole(mode.value(), at, 0, Tolerance.MAX_DIGITS);
        default -> throw new IllegalStateException("unlisted tolerance mode " + mode.key());
      }
    }
    boolean allRead =
        (absolute != null || !f.containsKey("absolute"))
            && (relative != null || !f.containsKey("relative"))
            && (digits != null || !(f.containsKey("significantFigures")
                || f.containsKey("decimalPlaces")));
    if (!ok || !allRead) {
      return null;
    }
    if (f.containsKey("significantFigures")) {
      return Tolerance.significantFigures(digits);
    }
    if (f.containsKey("decimalPlaces")) {
      return Tolerance.decimalPlaces(digits);
    }
    if (absolute != null && relative != null) {
      return Tolerance.combined(absolute, relative);
    }
    return absolute != null ? Tolerance.absolute(absolute) : Tolerance.relative(relative);
  }

  private boolean combinationIsValid(Map<String, Entry> modes, String path) {
    List<String> given = new ArrayList<>(modes.keySet());
    String alone = given.stream().filter(ALONE::contains).findFirst().orElse(null);
    if (alone == null || given.size() == 1) {
      return true;
    }
    String other = given.stream().filter(m -> !m.equals(alone)).findFirst().orElseThrow();
    Entry at = modes.get(given.get(1));
    in.problems().add(
        at.line(), at.column(), FieldReader.path(path, given.get(1)),
        path + " combines " + alone + " with " + other + "; only absolute and relative combine"
            + " (|a - b| <= absolute + relative * |b|), " + alone + " stands alone");
    return false;
  }
}
