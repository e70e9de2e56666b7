package org.nngrader.bank.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link YamlDocument} reads a document in one pass into the tree and lines that
 * {@code ObjectMapper.readTree} and a second pass over the tokens gave (the reference below), or
 * refuses it with the same message.
 */
class YamlDocumentProperties {

  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  /** Scalars of every kind a YAML parser tells apart, and a few it refuses. */
  private static final List<String> SCALARS = List.of("1", "-7", "0", "+5", "007", "2147483647",
      "2147483648", "-9223372036854775809", "99999999999999999999999", "0x1F", "0o17", "1_000",
      "0.5", "-0.0", "3.", ".5", "1e400", "1.0e-3", "2.5E+3", "0.1234567890123456789012345",
      ".nan", ".NaN", ".inf", "-.inf", "true", "false", "yes", "no", "on", "null", "~", "''",
      "'quoted: text'", "\"double \\\" quoted\"", "plain text", "2001-12-14", "!!str 12",
      "!!binary aGVsbG8=", "!!float 1", "!!int 3", "&anchor 4", "*anchor", "[1, two, 3.5]",
      "{a: 1, b: [x, y]}", "[]", "{}", "é ü 漢字", "\"\\u0041\"", "'it''s'", "1:2", "- -",
      "[unclosed", "{a: }", "\"unterminated", "!!int x", "@reserved", "`tick", "a: b: c");

  private static final List<String> KEYS = List.of("a", "b", "id", "network", "layers", "steps",
      "x y", "'quoted'", "1", "true");

  @Property(tries = 3000)
  void aGeneratedDocumentReadsAsReadTreeAndTheTokenPassReadIt(
      @ForAll("documents") String text) {
    assertSameReading(text);
  }

  @Property(tries = 1000)
  void anyTextReadsOrFailsAsBefore(@ForAll String text) {
    assertSameReading(text);
  }

  @Example
  void everyBuiltInTemplateReadsAsBefore() {
    for (String id : Templates.BUILTIN) {
      assertSameReading(Templates.text(id));
    }
  }

  @Example
  void aRepeatedKeyKeepsItsLastValueAndItsLastLine() {
    YamlDocument doc = YamlDocument.parse("t.yaml", "a: 1\nb: 2\na: [3]\n");
    assertThat(doc.root().toString()).isEqualTo("{\"a\":[3],\"b\":2}");
    assertThat(doc.line("a")).isEqualTo(3);
    assertThat(doc.line("a[0]")).isEqualTo(3);
    assertThat(doc.line("b")).isEqualTo(2);
  }

  @Example
  void anEmptyDocumentIsMissingAndASecondDocumentIsNotRead() {
    assertThat(YamlDocument.parse("t.yaml", "").root().isMissingNode()).isTrue();
    assertThat(YamlDocument.parse("t.yaml", "# only a comment\n").root().isMissingNode()).isTrue();
    YamlDocument two = YamlDocument.parse("t.yaml", "a: 1\n---\nb: 2\n");
    assertThat(two.root().toString()).isEqualTo("{\"a\":1}");
    assertThat(two.lines()).containsOnlyKeys("a");
  }

  @Provide
  Arbitrary<String> documents() {
    return node(3).map(n -> String.join("\n", n.lines()) + "\n");
  }

  /** A node written in block style: its lines, and whether it is one scalar. */
  private record Block(List<String> lines, boolean scalar) {}

  /** A block-style node nested up to the given depth. */
  private Arbitrary<Block> node(int depth) {
    Arbitrary<Block> scalar = Arbitraries.of(SCALARS).map(s -> new Block(List.of(s), true));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<Block> map = Arbitraries.of(KEYS)
        .flatMap(k -> node(depth - 1).map(v -> entry(k + ":", v)))
        .list().ofMinSize(1).ofMaxSize(4).map(YamlDocumentProperties::block);
    Arbitrary<Block> list = node(depth - 1).map(v -> entry("-", v))
        .list().ofMinSize(1).ofMaxSize(4).map(YamlDocumentProperties::block);
    return Arbitraries.frequencyOf(Tuple.of(2, scalar), Tuple.of(3, map), Tuple.of(2, list));
  }

  /** {@code head value} on one line for a scalar, else the value indented below the head. */
  private static List<String> entry(String head, Block value) {
    if (value.scalar()) {
      return List.of(head + " " + value.lines().get(0));
    }
    List<String> out = new ArrayList<>();
    out.add(head);
    value.lines().forEach(line -> out.add("  " + line));
    return out;
  }

  private static Block block(List<List<String>> entries) {
    List<String> out = new ArrayList<>();
    entries.forEach(out::addAll);
    return new Block(out, false);
  }

  private static void assertSameReading(String text) {
    Object before = reference(text);
    Throwable failure = catchThrowable(() -> YamlDocument.parse("t.yaml", text));
    if (before instanceof String message) {
      assertThat(failure).as(text).isInstanceOf(TemplateException.class).hasMessage(message);
      return;
    }
    assertThat(failure).as(text).isNull();
    YamlDocument doc = YamlDocument.parse("t.yaml", text);
    Reading expected = (Reading) before;
    assertThat(doc.root()).as(text).isEqualTo(expected.root());
    assertThat(doc.root().toString()).as(text).isEqualTo(expected.root().toString());
    assertThat(doc.lines()).as(text).isEqualTo(expected.lines());
  }

  private record Reading(JsonNode root, Map<String, Integer> lines) {}

  /**
   * The reading before the one pass, kept as the reference: {@code readTree} for the tree, then
   * a pass over the first document's tokens for the lines. A String is the message of a refusal.
   */
  private static Object reference(String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int line = loc == null ? 0 : loc.getLineNr();
      return new TemplateException(new TemplateDiagnostic(
          "t.yaml", line, "", "is not valid YAML: " + e.getOriginalMessage())).getMessage();
    }
    Map<String, Integer> lines = new HashMap<>();
    Deque<String> paths = new ArrayDeque<>();
    Deque<int[]> indices = new ArrayDeque<>();
    String field = null;
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t;
      boolean started = false;
      while ((t = p.nextToken()) != null && !(started && paths.isEmpty())) {
        started = true;
        int line = p.currentTokenLocation().getLineNr();
        if (t == JsonToken.FIELD_NAME) {
          field = p.currentName();
          lines.put(paths.peek().isEmpty() ? field : paths.peek() + "." + field, line);
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          // (The pass before counted the end of a list as one more element; no path names it.)
          paths.pop();
          indices.pop();
          continue;
        }
        String here;
        if (paths.isEmpty()) {
          here = "";
        } else if (indices.peek()[0] >= 0) {
          here = paths.peek() + "[" + indices.peek()[0]++ + "]";
          lines.putIfAbsent(here, line);
        } else {
          here = paths.peek().isEmpty() ? field : paths.peek() + "." + field;
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          paths.push(here);
          indices.push(new int[] {t == JsonToken.START_ARRAY ? 0 : -1});
        }
      }
    } catch (IOException e) {
      throw new AssertionError("read once by readTree, then refused: " + text, e);
    }
    return new Reading(root, lines);
  }
}
