package org.nngrader.rubric;

import java.util.List;

/**
 * A YAML document as a tree that remembers where each piece came from, so that validation can
 * name the line and column of a bad field. Maps keep every entry, duplicates included, in file
 * order: a duplicate key is a mistake to report, not something to resolve silently.
 */
sealed interface YamlNode {
  int line();

  int column();

  /** The node in words for "X is Y; it must be Z" messages: {@code a list}, {@code 'abc'}. */
  String describe();

  /** One {@code key: value} pair; the position is the key's. */
  record Entry(String key, int line, int column, YamlNode value) {}

  /** A mapping. */
  record MapNode(List<Entry> entries, int line, int column) implements YamlNode {
    public MapNode {
      entries = List.copyOf(entries);
    }

    @Override
    public String describe() {
      return "a map";
    }
  }

  /** A sequence. */
  record ListNode(List<YamlNode> items, int line, int column) implements YamlNode {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** The kinds of plain value YAML resolves a scalar to. */
  enum ScalarType {
    TEXT,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    EMPTY
  }

  /** A scalar; {@code number} is meaningful for INTEGER and DECIMAL only. */
  record ScalarNode(ScalarType type, String text, double number, int line, int column)
      implements YamlNode {
    boolean isNumber() {
      return type == ScalarType.INTEGER || type == ScalarType.DECIMAL;
    }

    @Override
    public String describe() {
      return switch (type) {
        case TEXT -> "'" + text + "'";
        case INTEGER, DECIMAL, BOOLEAN -> text;
        case EMPTY -> "empty";
      };
    }
  }
}
