package org.nngrader.rubric;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nngrader.rubric.YamlNode.Entry;
import org.nngrader.rubric.YamlNode.ListNode;
import org.nngrader.rubric.YamlNode.MapNode;
import org.nngrader.rubric.YamlNode.ScalarNode;
import org.nngrader.rubric.YamlNode.ScalarType;

/**
 * Reads YAML text into {@link YamlNode}s with Jackson's streaming YAML parser, keeping the
 * token locations that a databind tree would throw away.
 */
final class YamlTree {
  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final Pattern MARK = Pattern.compile("^ in '.*', line (\\d+), column (\\d+):$");

  private final YAMLParser parser;
  private final Problems problems;

  private YamlTree(YAMLParser parser, Problems problems) {
    this.parser = parser;
    this.problems = problems;
  }

  /**
   * The single document in {@code text}, or {@code null} when there is none or it is not
   * valid YAML; each problem is added to {@code problems}.
   */
  static YamlNode read(String text, Problems problems) {
    try (YAMLParser parser = FACTORY.createParser(text)) {
      YamlTree tree = new YamlTree(parser, problems);
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(
            0, 0, "",
            "is empty; write at least the rubric's name and the settings that differ from the"
                + " defaults (see rubrics/README.md)");
        return null;
      }
      YamlNode root = tree.node(first);
      if (root != null && parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        problems.add(
            at.getLineNr(), at.getColumnNr(), "",
            "a second YAML document starts here; a rubric file holds one document,"
                + " so remove the '---' separator or split the file");
        return null;
      }
      return root;
    } catch (JsonProcessingException e) {
      syntaxError(e, problems);
      return null;
    } catch (IOException e) {
      // The text is already in memory, so reading it cannot fail for I/O reasons.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reports a YAML syntax error at the place of the problem. SnakeYAML's message gives the
   * construct being parsed ("while parsing a flow mapping", with its start) and then the
   * problem with its own mark; Jackson's location points at the start of the construct, so
   * the problem's mark is taken from the message when it has one.
   */
  private static void syntaxError(JsonProcessingException e, Problems problems) {
    List<String> lines = e.getOriginalMessage().lines().toList();
    JsonLocation at = e.getLocation();
    int line = at == null ? 0 : Math.max(0, at.getLineNr());
    int column = at == null ? 0 : Math.max(0, at.getColumnNr());
    String problem = lines.isEmpty() ? "" : lines.get(0).strip();
    String context = null;
    String advice = "";
    for (int i = lines.size() - 1; i > 0; i--) {
      Matcher mark = MARK.matcher(lines.get(i));
      if (mark.matches() && !lines.get(i - 1).startsWith(" ")) {
        line = Integer.parseInt(mark.group(1));
        column = Integer.parseInt(mark.group(2));
        problem = lines.get(i - 1).strip();
        String first = lines.get(0).strip();
        context = first.equals(problem) ? null : first;
        advice = "; check the indentation and the ':' after each field";
        break;
      }
    }
    problems.add(
        line, column, "",
        "is not valid YAML: " + problem + (context == null ? "" : " (" + context + ")") + advice);
  }

  private YamlNode node(JsonToken token) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    if (parser.isCurrentAlias()) {
      problems.add(
          line, column, "",
          "uses the alias *" + parser.getText()
              + "; rubric files do not support anchors and aliases, so write the value out"
              + " (and quote a step pattern that starts with *, as in '*@10000')");
    }
    return switch (token) {
      case START_OBJECT -> map(line, column);
      case START_ARRAY -> list(line, column);
      case VALUE_STRING -> new ScalarNode(ScalarType.TEXT, parser.getText(), 0, line, column);
      case VALUE_NUMBER_INT -> number(ScalarType.INTEGER, line, column);
      case VALUE_NUMBER_FLOAT -> number(ScalarType.DECIMAL, line, column);
      case VALUE_TRUE, VALUE_FALSE ->
          new ScalarNode(ScalarType.BOOLEAN, parser.getText(), 0, line, column);
      case VALUE_NULL -> new ScalarNode(ScalarType.EMPTY, "", 0, line, column);
      default ->
          // Embedded objects only come from YAML tags such as !!binary.
          new ScalarNode(ScalarType.TEXT, parser.getText(), 0, line, column);
    };
  }

  private ScalarNode number(ScalarType type, int line, int column) throws IOException {
    return new ScalarNode(type, parser.getText(), parser.getDoubleValue(), line, column);
  }

  private MapNode map(int line, int column) throws IOException {
    List<Entry> entries = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      JsonLocation at = parser.currentTokenLocation();
      String key = parser.currentName();
      YamlNode value = node(parser.nextToken());
      entries.add(new Entry(key, at.getLineNr(), at.getColumnNr(), value));
    }
    return new MapNode(entries, line, column);
  }

  private ListNode list(int line, int column) throws IOException {
    List<YamlNode> items = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
      items.add(node(token));
    }
    return new ListNode(items, line, column);
  }
}
