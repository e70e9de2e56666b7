package org.nngrader.bank.template;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document as a Jackson tree plus the line of every field and list element, so that
 * validation errors found after parsing can still name the line. Paths look like
 * {@code network.layers[2]}.
 */
final class YamlDocument {

  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode root;
  private final Map<String, Integer> lines;

  private YamlDocument(JsonNode root, Map<String, Integer> lines) {
    this.root = root;
    this.lines = lines;
  }

  /**
   * Parses YAML text: the tree {@code ObjectMapper.readTree} would give (the first document; a
   * repeated key keeps its last value), and the line of every field and list element, read in
   * one pass. Building the tree here rather than with an {@code ObjectMapper} spares a command
   * that only reads templates the mapper's set-up, about 40 ms before the JIT has run (more than
   * parsing every built-in template), and a second pass for the lines, which a mapper cannot
   * report.
   *
   * @throws TemplateException with the line and column of a syntax error
   */
  static YamlDocument parse(String source, String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      return read(p);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int line = loc == null ? 0 : loc.getLineNr();
      throw new TemplateException(new TemplateDiagnostic(
          source, line, "", "is not valid YAML: " + e.getOriginalMessage()));
    } catch (IOException e) {
      // A parser over a String reads no file: every failure of it is a JsonProcessingException.
      throw new UncheckedIOException(e);
    }
  }

  /** An open object or list: its path, its node and, for a list, the index of its next element. */
  private static final class Open {
    final String path;
    final ContainerNode<?> node;
    int next;

    Open(String path, ContainerNode<?> node) {
      this.path = path;
      this.node = node;
    }
  }

  private static YamlDocument read(JsonParser p) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    Deque<Open> open = new ArrayDeque<>();
    String field = null;
    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
      int line = p.currentTokenLocation().getLineNr();
      Open parent = open.peek();
      if (t == JsonToken.FIELD_NAME) {
        field = p.currentName();
        lines.put(join(parent.path, field), line);
        continue;
      }
      if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        Open done = open.pop();
        if (open.isEmpty()) {
          return new YamlDocument(done.node, lines);
        }
        continue;
      }
      JsonNode node = t == JsonToken.START_OBJECT ? NODES.objectNode()
          : t == JsonToken.START_ARRAY ? NODES.arrayNode() : scalar(p, t);
      String here;
      if (parent == null) {
        here = "";
      } else if (parent.node instanceof ArrayNode list) {
        here = parent.path + "[" + parent.next++ + "]";
        lines.putIfAbsent(here, line);
        list.add(node);
      } else {
        here = join(parent.path, field);
        ((ObjectNode) parent.node).replace(field, node);
      }
      if (node instanceof ContainerNode<?> container) {
        open.push(new Open(here, container));
      } else if (parent == null) {
        return new YamlDocument(node, lines);
      }
    }
    // An empty document; or (for a parser that left an object or list open) the outermost one.
    return new YamlDocument(open.isEmpty() ? MissingNode.getInstance() : open.getLast().node,
        lines);
  }

  /** A scalar token as the node {@code readTree} makes of it. */
  private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
        case INT -> NODES.numberNode(p.getIntValue());
        case LONG -> NODES.numberNode(p.getLongValue());
        default -> NODES.numberNode(p.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> switch (p.getNumberTypeFP()) {
        case BIG_DECIMAL -> NODES.numberNode(p.getDecimalValue());
        case FLOAT32 -> NODES.numberNode(p.getFloatValue());
        default -> NODES.numberNode(p.getDoubleValue());
      };
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      case VALUE_EMBEDDED_OBJECT -> embedded(p.getEmbeddedObject());
      default -> throw new JsonParseException(p, "unexpected " + t);
    };
  }

  private static JsonNode embedded(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof byte[] bytes) {
      return NODES.binaryNode(bytes);
    }
    return value instanceof JsonNode node ? node : NODES.pojoNode(value);
  }

  private static String join(String parent, String field) {
    return parent == null || parent.isEmpty() ? field : parent + "." + field;
  }

  JsonNode root() {
    return root;
  }

  /** Every path that has a line of its own, with that line. */
  Map<String, Integer> lines() {
    return java.util.Collections.unmodifiableMap(lines);
  }

  /** The line of a path, or of its nearest ancestor that has one; 0 when unknown. */
  int line(String path) {
    String p = path;
    while (p != null && !p.isEmpty()) {
      Integer l = lines.get(p);
      if (l != null) {
        return l;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? null : p.substring(0, cut);
    }
    return 0;
  }
}
