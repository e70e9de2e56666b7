package org.nngrader.rubric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nngrader.rubric.YamlNode.Entry;
import org.nngrader.rubric.YamlNode.ListNode;
import org.nngrader.rubric.YamlNode.MapNode;
import org.nngrader.rubric.YamlNode.ScalarNode;
import org.nngrader.rubric.YamlNode.ScalarType;

/**
 * Typed reads of YAML values that report, instead of throwing, what is wrong with a value:
 * each method returns {@code null} after adding a diagnostic naming the field path, the value
 * as written and what would be valid.
 */
final class FieldReader {
  private final Problems problems;

  FieldReader(Problems problems) {
    this.problems = problems;
  }

  Problems problems() {
    return problems;
  }

  /** {@code prefix.key}, or {@code key} at the top level. */
  static String path(String prefix, String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }

  /**
   * The known fields of {@code map} by name (first occurrence of each), after reporting
   * duplicates and unknown names. {@code kind} names what the keys are ("rubric field",
   * "tolerance mode") in the unknown-field message.
   */
  Map<String, Entry> fields(MapNode map, String prefix, List<String> valid, String kind) {
    Map<String, Entry> known = new LinkedHashMap<>();
    Map<String, Entry> seen = new LinkedHashMap<>();
    for (Entry entry : map.entries()) {
      String path = path(prefix, entry.key());
      Entry first = seen.putIfAbsent(entry.key(), entry);
      if (first != null) {
        problems.add(
            entry.line(), entry.column(), path,
            path + " appears twice (first on line " + first.line() + "); keep one");
      } else if (valid.contains(entry.key())) {
        known.put(entry.key(), entry);
      } else {
        String suggestion = Suggestions.closest(entry.key(), valid);
        problems.add(
            entry.line(), entry.column(), path,
            path + " is not a " + kind + "; valid " + plural(kind) + ": " + Text.list(valid)
                + (suggestion == null ? "" : " (did you mean " + suggestion + "?)"));
      }
    }
    return known;
  }

  MapNode map(YamlNode node, String path, String expected) {
    if (node instanceof MapNode map) {
      return map;
    }
    wrongType(node, path, expected);
    return null;
  }

  ListNode list(YamlNode node, String path, String expected) {
    if (node instanceof ListNode list) {
      return list;
    }
    wrongType(node, path, expected);
    return null;
  }

  /** Any non-empty scalar, as written. */
  String text(YamlNode node, String path, String expected) {
    if (node instanceof ScalarNode scalar && scalar.type() != ScalarType.EMPTY) {
      return scalar.text();
    }
    wrongType(node, path, expected);
    return null;
  }

  Boolean bool(YamlNode node, String path) {
    if (node instanceof ScalarNode scalar && scalar.type() == ScalarType.BOOLEAN) {
      return Boolean.parseBoolean(scalar.text().toLowerCase(Locale.ROOT))
          || List.of("yes", "on", "y").contains(scalar.text().toLowerCase(Locale.ROOT));
    }
    wrongType(node, path, "true or false");
    return null;
  }

  /** A finite number in {@code [min, max]}; {@code range} says so in words. */
  Double number(YamlNode node, String path, double min, double max, String range) {
    if (!(node instanceof ScalarNode scalar && scalar.isNumber())) {
      wrongType(node, path, "a number" + (range.startsWith("between") ? " " : ", ") + range);
      return null;
    }
    double value = scalar.number();
    if (!(Double.isFinite(value) && value >= min && value <= max)) {
      problems.add(node, path, path + " is " + scalar.text() + "; it must be " + range);
      return null;
    }
    return value;
  }

  /** A whole number in {@code [min, max]} (4 and 4.0 both count). */
  Integer whole(YamlNode node, String path, int min, int max) {
    String range = "a whole number from " + min + " to " + max;
    if (!(node instanceof ScalarNode scalar && scalar.isNumber())) {
      wrongType(node, path, range);
      return null;
    }
    double value = scalar.number();
    if (!(value >= min && value <= max && value == Math.rint(value))) {
      problems.add(node, path, path + " is " + scalar.text() + "; it must be " + range);
      return null;
    }
    return (int) value;
  }

  void wrongType(YamlNode node, String path, String expected) {
    String where = path.isEmpty() ? "the file" : path;
    if (node instanceof ScalarNode scalar && scalar.type() == ScalarType.EMPTY) {
      problems.add(
          node, path,
          where + " is empty; it must be " + expected + " (leave the field out for the default)");
    } else {
      problems.add(node, path, where + " is " + node.describe() + "; it must be " + expected);
    }
  }

  private static String plural(String kind) {
    return kind.substring(kind.lastIndexOf(' ') + 1) + "s";
  }
}
