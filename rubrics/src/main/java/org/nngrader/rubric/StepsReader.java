package org.nngrader.rubric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.nngrader.rubric.YamlNode.Entry;
import org.nngrader.rubric.YamlNode.ListNode;
import org.nngrader.rubric.YamlNode.MapNode;

/**
 * Reads a rubric's {@code steps} list and checks that every setting of every rule can take
 * effect (an earlier rule matching a superset of steps and setting the same thing would hide
 * it, since the first matching rule wins).
 */
final class StepsReader {
  private final FieldReader in;
  private final ToleranceReader tolerances;

  StepsReader(FieldReader in, ToleranceReader tolerances) {
    this.in = in;
    this.tolerances = tolerances;
  }

  /** A read rule with the places its settings came from, for the shadowing check. */
  private record Placed(StepRule rule, String path, Entry points, Entry tolerance) {}

  List<StepRule> read(Entry entry) {
    ListNode list =
        in.list(entry.value(), "steps",
            "a list of rules such as - {match: 'dE_total/dw*', points: 2}");
    if (list == null) {
      return null;
    }
    List<Placed> placed = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < list.items().size(); i++) {
      Placed rule = rule(list.items().get(i), "steps[" + i + "]");
      ok &= rule != null;
      if (rule != null) {
        placed.add(rule);
      }
    }
    ok &= noDeadSettings(placed);
    return ok ? placed.stream().map(Placed::rule).toList() : null;
  }

  private Placed rule(YamlNode node, String path) {
    MapNode map =
        in.map(node, path, "a map with match and points and/or tolerance, such as"
            + " {match: 'dE_total/dw*', points: 2}");
    if (map == null) {
      return null;
    }
    Map<String, Entry> f = in.fields(map, path, RubricReader.STEP_FIELDS, "step rule field");
    String match = null;
    if (!f.containsKey("match")) {
      in.problems().add(
          map, path,
          path + " has no match; give a step id or a pattern, such as match: 'dE_total/dw*'");
    } else {
      match = match(f.get("match"), path + ".match");
    }
    Entry pointsEntry = f.get("points");
    Entry toleranceEntry = f.get("tolerance");
    Double points =
        pointsEntry == null
            ? null
            : in.number(
                pointsEntry.value(), path + ".points", 0, Double.MAX_VALUE, RubricReader.POINTS);
    Tolerance tolerance =
        toleranceEntry == null ? null : tolerances.read(toleranceEntry, path + ".tolerance");
    if (pointsEntry == null && toleranceEntry == null) {
      // A rule with a misspelt field already has a diagnostic that explains the gap.
      if (f.size() == map.entries().size()) {
        in.problems().add(
            map, path,
            path + (match == null ? "" : " (match '" + match + "')")
                + " sets neither points nor tolerance; add one or remove the rule");
      }
      return null;
    }
    if (match == null
        || (pointsEntry != null && points == null)
        || (toleranceEntry != null && tolerance == null)) {
      return null;
    }
    StepRule rule =
        new StepRule(
            match,
            points == null ? OptionalDouble.empty() : OptionalDouble.of(points),
            Optional.ofNullable(tolerance));
    return new Placed(rule, path, pointsEntry, toleranceEntry);
  }

  private String match(Entry entry, String path) {
    String match =
        in.text(entry.value(), path, "a step id or a pattern, such as 'dE_total/dw*'");
    if (match == null) {
      return null;
    }
    String problem = Glob.problem(match);
    if (problem != null) {
      in.problems().add(entry.value(), path, path + " '" + match + "' " + problem);
      return null;
    }
    return match;
  }

  /**
   * Reports every setting that can never take effect because an earlier rule sets the same
   * thing for every step this rule matches.
   */
  private boolean noDeadSettings(List<Placed> rules) {
    boolean ok = true;
    for (int j = 0; j < rules.size(); j++) {
      Placed later = rules.get(j);
      for (String setting : List.of("points", "tolerance")) {
        Entry at = setting.equals("points") ? later.points() : later.tolerance();
        if (at == null) {
          continue;
        }
        for (int i = 0; i < j; i++) {
          Placed earlier = rules.get(i);
          Entry earlierAt = setting.equals("points") ? earlier.points() : earlier.tolerance();
          if (earlierAt != null && Glob.covers(earlier.rule().match(), later.rule().match())) {
            String path = later.path() + "." + setting;
            in.problems().add(
                at.line(), at.column(), path,
                path + " never applies: " + earlier.path() + " (match '"
                    + earlier.rule().match() + "', line " + earlierAt.line() + ") already sets "
                    + setting + " for every step '" + later.rule().match() + "' matches, and"
                    + " the first matching rule wins; move this rule above it or remove it");
            ok = false;
            break;
          }
        }
      }
    }
    return ok;
  }
}
