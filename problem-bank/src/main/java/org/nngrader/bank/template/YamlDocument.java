package org.nngrader.bank.template;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
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
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private final JsonNode root;
  private final Map<String, Integer> lines;

  private YamlDocument(JsonNode root, Map<String, Integer> lines) {
    this.root = root;
    this.lines = lines;
  }

  /**
   * Parses YAML text.
   *
   * @throws TemplateException with the line and column of a syntax error
   */
  static YamlDocument parse(String source, String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int line = loc == null ? 0 : loc.getLineNr();
      throw new TemplateException(new TemplateDiagnostic(
          source, line, "", "is not valid YAML: " + e.getOriginalMessage()));
    }
    return new YamlDocument(root, locate(text));
  }

  private static Map<String, Integer> locate(String text) {
    Map<String, Integer> lines = new HashMap<>();
    // Each frame: path of the container, and for arrays the next index.
    Deque<String> paths = new ArrayDeque<>();
    Deque<int[]> indices = new ArrayDeque<>();
    String field = null;
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        int line = p.currentTokenLocation().getLineNr();
        if (t == JsonToken.FIELD_NAME) {
          field = p.currentName();
          String path = join(paths.peek(), field);
          lines.put(path, line);
          continue;
        }
        String here;
        if (paths.isEmpty()) {
          here = "";
        } else if (indices.peek() != null && indices.peek()[0] >= 0) {
          int i = indices.peek()[0]++;
          here = paths.peek() + "[" + i + "]";
          lines.putIfAbsent(here, line);
        } else {
          here = join(paths.peek(), field);
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          paths.push(here);
          indices.push(new int[] {t == JsonToken.START_ARRAY ? 0 : -1});
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          paths.pop();
          indices.pop();
        }
      }
    } catch (IOException e) {
      // Already parsed once by readTree; a failure here only loses line numbers.
    }
    return lines;
  }

  private static String join(String parent, String field) {
    return parent == null || parent.isEmpty() ? field : parent + "." + field;
  }

  JsonNode root() {
    return root;
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
