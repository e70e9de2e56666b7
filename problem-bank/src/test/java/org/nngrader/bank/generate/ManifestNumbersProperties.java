package org.nngrader.bank.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.nngrader.bank.template.Templates;

/**
 * Every number of a manifest reads as {@link Double#parseDouble} reads its text, to the bit,
 * whatever its form: the shortest form the writer gives, or more digits than a double holds,
 * exponents, subnormals.
 */
class ManifestNumbersProperties {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static Path tmp;
  private static Path set;
  private static ObjectNode manifest;
  private static List<String> ids;

  @BeforeContainer
  static void generate() throws IOException {
    tmp = Files.createTempDirectory("manifest-numbers");
    set = tmp.resolve("set");
    ProblemSetWriter.write(new GenerationRequest(Templates.builtin("perceptron"),
        Templates.text("perceptron"), ProblemSetWriterTest.roster(1), 1, null, Map.of()), set);
    manifest = (ObjectNode) MAPPER.readTree(Files.readString(set.resolve(ProblemSet.MANIFEST)));
    ids = new ArrayList<>();
    manifest.get("students").get(0).get("parameters").fieldNames().forEachRemaining(ids::add);
  }

  @AfterContainer
  static void clean() throws IOException {
    try (var files = Files.walk(tmp)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 300)
  void everyNumberReadsAsParseDoubleReadsItsText(@ForAll("numberTexts") List<String> texts)
      throws IOException {
    ObjectNode copy = manifest.deepCopy();
    ObjectNode parameters = (ObjectNode) copy.get("students").get(0).get("parameters");
    for (int i = 0; i < ids.size(); i++) {
      parameters.put(ids.get(i), "@@" + i + "@@");
    }
    String text = MAPPER.writeValueAsString(copy);
    for (int i = 0; i < ids.size(); i++) {
      text = text.replace("\"@@" + i + "@@\"", texts.get(i));
    }
    Path dir = ProblemSetReadTest.copyWith(set, Files.createTempDirectory(tmp, "try"), text);
    Map<String, Double> read = ProblemSet.read(dir).students().get(0).parameters();
    for (int i = 0; i < ids.size(); i++) {
      assertThat(Double.doubleToRawLongBits(read.get(ids.get(i))))
          .as(texts.get(i))
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(texts.get(i))));
    }
  }

  @Provide
  Arbitrary<List<String>> numberTexts() {
    Arbitrary<String> shortest = Arbitraries.longs().map(Double::longBitsToDouble)
        .filter(Double::isFinite).map(d -> Double.toString(d));
    Arbitrary<String> decimal = Combinators.combine(
        Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(25),
        Arbitraries.strings().withCharRange('0', '9').ofMaxLength(25),
        Arbitraries.integers().between(-340, 310), Arbitraries.of("", "-"))
        .as((whole, fraction, exponent, sign) -> sign + whole.replaceFirst("^0+(?=.)", "")
            + (fraction.isEmpty() ? "" : "." + fraction) + "e" + exponent);
    return Arbitraries.oneOf(shortest, decimal).list().ofSize(ids.size());
  }
}
