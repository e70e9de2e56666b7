package org.nngrader.rubric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nngrader.rubric.YamlNode.Entry;
import org.nngrader.rubric.YamlNode.ListNode;
import org.nngrader.rubric.YamlNode.MapNode;

/**
 * Turns a rubric's YAML tree into a {@link Rubric}, reporting every problem found. The schema
 * is documented in rubrics/README.md; keep the two in step.
 */
final class RubricReader {
  static final List<String> ROOT_FIELDS =
      List.of(
          "name", "description", "points", "tolerance", "steps", "followThrough",
          "misconceptionCredit", "roundingNoteCredit", "reveal", "late", "precision",
          "guessable");
  static final List<String> STEP_FIELDS = List.of("match", "points", "tolerance");
  static final List<String> FOLLOW_THROUGH_FIELDS = List.of("credit", "rejectTrivialInputs");
  static final List<String> PRECISION_FIELDS = List.of("minimumFigures", "credit");

  private static final List<String> REVEAL_ITEMS = List.of("values", "formulas");
  private static final String REVEAL_CHOICES =
      "nothing, or a list of values, formulas (such as reveal: [values, formulas])";
  private static final String FRACTION = "between 0 and 1";
  static final String POINTS = "at least 0";

  private final FieldReader in;
  private final ToleranceReader tolerances;
  private final LateReader lates;

  RubricReader(Problems problems) {
    this.in = new FieldReader(problems);
    this.tolerances = new ToleranceReader(in);
    this.lates = new LateReader(in);
  }

  /** The rubric, or {@code null} if any problem was reported. */
  Rubric read(YamlNode root, String defaultName) {
    MapNode map =
        in.map(root, "", "a map of rubric fields (" + Text.list(ROOT_FIELDS) + ")");
    if (map == null) {
      return null;
    }
    Map<String, Entry> f = in.fields(map, "", ROOT_FIELDS, "rubric field");
    Rubric d = Rubric.defaults(defaultName);
    String name = f.containsKey("name") ? name(f.get("name")) : d.name();
    String description =
        f.containsKey("description")
            ? in.text(f.get("description").value(), "description", "a line of text")
            : d.description();
    Double points = numberOr(f, "points", 0, Double.MAX_VALUE, POINTS, d.defaultPoints());
    Tolerance tolerance =
        f.containsKey("tolerance")
            ? tolerances.read(f.get("tolerance"), "tolerance")
            : d.defaultTolerance();
    List<StepRule> steps =
        f.containsKey("steps") ? new StepsReader(in, tolerances).read(f.get("steps")) : d.steps();
    FollowThroughPolicy followThrough =
        f.containsKey("followThrough") ? followThrough(f.get("followThrough")) : d.followThrough();
    Double misconception =
        numberOr(f, "misconceptionCredit", 0, 1, FRACTION, d.misconceptionCredit());
    Double roundingNote =
        numberOr(f, "roundingNoteCredit", 0, 1, FRACTION, d.roundingNoteCredit());
    Reveal reveal = f.containsKey("reveal") ? reveal(f.get("reveal")) : d.reveal();
    LatePolicy late = f.containsKey("late") ? lates.read(f.get("late")) : d.late();
    PrecisionPolicy precision =
        f.containsKey("precision") ? precision(f.get("precision")) : d.precision();
    Guessable guessable = f.containsKey("guessable") ? guessable(f.get("guessable")) : d.guessable();
    if (!in.problems().isEmpty()
        || anyNull(name, description, points, tolerance, steps, followThrough, misconception,
            roundingNote, reveal, late, precision, guessable)) {
      return null;
    }
    return new Rubric(
        name, description, points, tolerance, steps, followThrough, misconception, roundingNote,
        reveal, late, precision, guessable);
  }

  /** The number at {@code path}, {@code fallback} if absent, null if invalid. */
  private Double numberOr(
      Map<String, Entry> f, String path, double min, double max, String range, double fallback) {
    Entry entry = f.get(path.substring(path.lastIndexOf('.') + 1));
    return entry == null
        ? Double.valueOf(fallback)
        : in.number(entry.value(), path, min, max, range);
  }

  private String name(Entry entry) {
    String name = in.text(entry.value(), "name", "the rubric's name, such as sigmoid-2-2-2");
    if (name != null && (name.isBlank() || name.lines().count() > 1)) {
      in.problems().add(
          entry.value(), "name", "name is '" + name + "'; it must be one non-blank line");
      return null;
    }
    return name;
  }

  private FollowThroughPolicy followThrough(Entry entry) {
    MapNode map =
        in.map(
            entry.value(), "followThrough",
            "a map such as {credit: 0.5, rejectTrivialInputs: true}");
    if (map == null) {
      return null;
    }
    Map<String, Entry> f =
        in.fields(map, "followThrough", FOLLOW_THROUGH_FIELDS, "followThrough field");
    FollowThroughPolicy d = FollowThroughPolicy.DEFAULT;
    Double credit = numberOr(f, "followThrough.credit", 0, 1, FRACTION, d.credit());
    Boolean reject =
        f.containsKey("rejectTrivialInputs")
            ? in.bool(f.get("rejectTrivialInputs").value(), "followThrough.rejectTrivialInputs")
            : Boolean.valueOf(d.rejectTrivialInputs());
    return credit == null || reject == null ? null : new FollowThroughPolicy(credit, reject);
  }

  private PrecisionPolicy precision(Entry entry) {
    MapNode map =
        in.map(entry.value(), "precision", "a map such as {minimumFigures: 3, credit: 1.0}");
    if (map == null) {
      return null;
    }
    Map<String, Entry> f = in.fields(map, "precision", PRECISION_FIELDS, "precision field");
    PrecisionPolicy d = PrecisionPolicy.DEFAULT;
    Integer figures = f.containsKey("minimumFigures")
        ? in.whole(f.get("minimumFigures").value(), "precision.minimumFigures", 1,
            Tolerance.MAX_DIGITS)
        : Integer.valueOf(d.minimumFigures());
    Double credit = numberOr(f, "precision.credit", 0, 1, FRACTION, d.credit());
    return figures == null || credit == null ? null : new PrecisionPolicy(figures, credit);
  }

  private Guessable guessable(Entry entry) {
    String value = in.text(entry.value(), "guessable", "supported or no-credit");
    if (value == null) {
      return null;
    }
    for (Guessable g : Guessable.values()) {
      if (g.label().equals(value)) {
        return g;
      }
    }
    in.problems().add(entry.value(), "guessable",
        "guessable is '" + value + "'; valid choices: supported, no-credit");
    return null;
  }

  private Reveal reveal(Entry entry) {
    YamlNode node = entry.value();
    if (node instanceof YamlNode.ScalarNode scalar && scalar.type() == YamlNode.ScalarType.TEXT) {
      if (scalar.text().equals("nothing")) {
        return Reveal.NOTHING;
      }
      return revealItems(List.of(node), "reveal");
    }
    ListNode list = in.list(node, "reveal", REVEAL_CHOICES);
    return list == null ? null : revealItems(list.items(), null);
  }

  /** {@code path} is fixed for a single scalar, else {@code reveal[i]} per item. */
  private Reveal revealItems(List<YamlNode> items, String path) {
    List<String> chosen = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < items.size(); i++) {
      String at = path != null ? path : "reveal[" + i + "]";
      YamlNode item = items.get(i);
      String value = in.text(item, at, "values or formulas");
      if (value == null) {
        ok = false;
      } else if (!REVEAL_ITEMS.contains(value)) {
        String hint = value.equals("nothing") ? "; write reveal: nothing on its own" : "";
        String close = Suggestions.closest(value, REVEAL_ITEMS);
        in.problems().add(
            item, at,
            at + " is '" + value + "'; valid choices: " + REVEAL_CHOICES + hint
                + (close == null || !hint.isEmpty() ? "" : " (did you mean " + close + "?)"));
        ok = false;
      } else if (chosen.contains(value)) {
        in.problems().add(item, at, at + " lists " + value + " twice; keep one");
        ok = false;
      } else {
        chosen.add(value);
      }
    }
    return ok ? new Reveal(chosen.contains("values"), chosen.contains("formulas")) : null;
  }

  private static boolean anyNull(Object... values) {
    for (Object value : values) {
      if (value == null) {
        return true;
      }
    }
    return false;
  }
}
