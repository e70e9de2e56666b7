package org.nngrader.rubric;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nngrader.rubric.YamlNode.Entry;
import org.nngrader.rubric.YamlNode.MapNode;
import org.nngrader.rubric.YamlNode.ScalarNode;
import org.nngrader.rubric.YamlNode.ScalarType;

/**
 * Reads {@code late}: {@code none}, or a map {@code {policy: none | fraction-off | zero-after,
 * fraction: 0..1, date: ISO date-time with zone}}.
 */
final class LateReader {
  static final List<String> FIELDS = List.of("policy", "fraction", "date");
  static final List<String> POLICIES =
      Arrays.stream(LatePolicy.Kind.values()).map(LatePolicy.Kind::yamlName).toList();
  private static final String EXPECTED =
      "none, or a map such as {policy: fraction-off, fraction: 0.1}"
          + " or {policy: zero-after, date: 2026-12-01T23:59:00Z}";
  private static final String DATE_EXAMPLE = "2026-12-01T23:59:00Z";

  private final FieldReader in;

  LateReader(FieldReader in) {
    this.in = in;
  }

  LatePolicy read(Entry entry) {
    YamlNode node = entry.value();
    if (node instanceof ScalarNode scalar && scalar.type() == ScalarType.TEXT) {
      if (scalar.text().equals("none")) {
        return LatePolicy.NONE;
      }
      in.problems().add(node, "late", "late is '" + scalar.text() + "'; it must be " + EXPECTED);
      return null;
    }
    MapNode map = in.map(node, "late", EXPECTED);
    if (map == null) {
      return null;
    }
    Map<String, Entry> f = in.fields(map, "late", FIELDS, "late field");
    if (!f.containsKey("policy")) {
      in.problems().add(
          entry.line(), entry.column(), "late.policy",
          "late has no policy; valid policies: " + Text.list(POLICIES));
      return null;
    }
    LatePolicy.Kind kind = kind(f.get("policy"));
    Entry fractionAt = f.get("fraction");
    Entry dateAt = f.get("date");
    Double fraction =
        fractionAt == null
            ? Double.valueOf(0)
            : in.number(fractionAt.value(), "late.fraction", 0, 1, "between 0 and 1");
    Instant date = dateAt == null ? null : date(dateAt);
    if (kind == null) {
      return null;
    }
    boolean ok = true;
    if (kind == LatePolicy.Kind.NONE && fractionAt != null) {
      ok = notFor(fractionAt, "late.fraction", kind, "fraction-off or zero-after");
    }
    if (kind != LatePolicy.Kind.ZERO_AFTER && dateAt != null) {
      ok = notFor(dateAt, "late.date", kind, "zero-after");
    }
    if (kind == LatePolicy.Kind.FRACTION_OFF && fractionAt == null) {
      ok = missing(entry, "late.fraction", "late policy fraction-off needs a fraction,"
          + " such as fraction: 0.1 for 10% of the points off");
    }
    if (kind == LatePolicy.Kind.ZERO_AFTER && dateAt == null) {
      ok = missing(entry, "late.date", "late policy zero-after needs a date,"
          + " such as date: " + DATE_EXAMPLE);
    }
    if (!ok || fraction == null || (dateAt != null && date == null)) {
      return null;
    }
    return new LatePolicy(kind, fraction, date);
  }

  private LatePolicy.Kind kind(Entry entry) {
    String name = in.text(entry.value(), "late.policy", "one of " + Text.list(POLICIES));
    if (name == null) {
      return null;
    }
    for (LatePolicy.Kind kind : LatePolicy.Kind.values()) {
      if (kind.yamlName().equals(name)) {
        return kind;
      }
    }
    String close = Suggestions.closest(name, POLICIES);
    in.problems().add(
        entry.value(), "late.policy",
        "late.policy is '" + name + "'; valid policies: " + Text.list(POLICIES)
            + (close == null ? "" : " (did you mean " + close + "?)"));
    return null;
  }

  private Instant date(Entry entry) {
    String text = in.text(entry.value(), "late.date", "a date and time with a zone, such as "
        + DATE_EXAMPLE);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      in.problems().add(
          entry.value(), "late.date",
          "late.date is '" + text + "'; it must be a date and time with a time zone, such as "
              + DATE_EXAMPLE + " (UTC) or 2026-12-01T23:59:00-05:00");
      return null;
    }
  }

  private boolean notFor(Entry at, String path, LatePolicy.Kind kind, String useInstead) {
    in.problems().add(
        at.line(), at.column(), path,
        path + " does not apply to policy " + kind.yamlName() + "; remove it or choose "
            + useInstead);
    return false;
  }

  private boolean missing(Entry late, String path, String message) {
    in.problems().add(late.line(), late.column(), path, message);
    return false;
  }
}
