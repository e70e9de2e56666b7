package org.nngrader.bank.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityKind;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.model.ParameterKind;
import org.nngrader.bank.symbolic.SymbolicSolver;
import org.nngrader.bank.template.Randomization;
import org.nngrader.bank.template.Range;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.TemplateLoader;
import org.nngrader.bank.template.Templates;

class VariantDrawerTest {

  static final List<String> IDS = Templates.BUILTIN;

  static Template resource(String name) {
    try (InputStream in = VariantDrawerTest.class.getResourceAsStream(name)) {
      return TemplateLoader.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static List<String> ids(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> String.format("s%03d", i)).toList();
  }

  @Test
  void aStudentsVariantDependsOnlyOnSeedAndId() {
    Template t = Templates.builtin("sigmoid-2-2-2");
    Variant alone = new VariantDrawer(t, 7, Map.of()).draw("s042");
    List<Variant> inClass = new VariantDrawer(t, 7, Map.of()).drawAll(List.of("a", "s042", "b"));
    assertThat(inClass.get(1)).isEqualTo(alone);
    assertThat(new VariantDrawer(t, 8, Map.of()).draw("s042")).isNotEqualTo(alone);
    assertThat(new VariantDrawer(t, 7, Map.of()).draw("s043")).isNotEqualTo(alone);
  }

  @Test
  void addingAStudentChangesNobodyElse() {
    Template t = Templates.builtin("relu-2-1-1");
    List<String> before = ids(40);
    List<String> after = new ArrayList<>(before);
    after.add(17, "newcomer");
    after.add("late");
    Map<String, Variant> a = byId(before, new VariantDrawer(t, 3, Map.of()).drawAll(before));
    Map<String, Variant> b = byId(after, new VariantDrawer(t, 3, Map.of()).drawAll(after));
    before.forEach(id -> assertThat(b.get(id)).as(id).isEqualTo(a.get(id)));
  }

  private static Map<String, Variant> byId(List<String> ids, List<Variant> vs) {
    Map<String, Variant> m = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      m.put(ids.get(i), vs.get(i));
    }
    return m;
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void fiveHundredStudentsGetFiveHundredNiceNonDegenerateVariants(String id) {
    Template t = Templates.builtin(id);
    List<Variant> vs = new VariantDrawer(t, 2026, Map.of()).drawAll(ids(500));
    assertThat(vs.stream().map(Variant::id).distinct()).hasSize(500);
    assertThat(vs.stream().map(Variant::parameters).distinct()).hasSize(500);
    for (Variant v : vs.subList(0, 120)) {
      assertNice(t, v);
      assertNotDegenerate(t, v);
    }
  }

  /** In range, on the template's decimal grid, and no weight or input drawn as 0. */
  static void assertNice(Template t, Variant v) {
    Randomization r = t.randomization();
    v.parameters().forEach((p, x) -> {
      if (r.fixed().contains(p)) {
        assertThat(x).as(p).isEqualTo(t.defaults().get(p));
        return;
      }
      ParameterKind kind = t.notation().givens().get(p);
      Range range = r.rangeOf(p, kind);
      assertThat(x).as(p).isBetween(range.min(), range.max());
      assertThat(new BigDecimal(Double.toString(x)).stripTrailingZeros().scale())
          .as(p + " = " + x).isLessThanOrEqualTo(range.decimals());
      if (kind == ParameterKind.WEIGHT || kind == ParameterKind.INPUT) {
        assertThat(x).as(p).isNotZero();
      }
    });
  }

  /**
   * The rules of Randomization, checked independently on the full graph; for a symbolic
   * template, the exercise's givens only and the symbolic solver's own checks.
   */
  static void assertNotDegenerate(Template t, Variant v) {
    if (t.isSymbolic()) {
      assertThat(v.parameters().keySet()).containsExactlyElementsOf(t.givenIds());
      assertThat(SymbolicSolver.solve(t, v.parameters()).degeneracies()).isEmpty();
      return;
    }
    Values values = t.graph().evaluate(v.parameters());
    Randomization r = t.randomization();
    Network net = t.network();
    Notation n = t.notation();
    for (int l = 1; l < net.depth(); l++) {
      Activation a = net.activation(l);
      for (int j = 0; j < net.size(l); j++) {
        double z = values.get(n.net(l, j, 0));
        double out = values.get(n.out(l, j, 0));
        switch (a.kind()) {
          case RELU, LEAKY_RELU -> assertThat(Math.abs(z)).as("relu margin").isGreaterThanOrEqualTo(r.reluMargin());
          case SIGMOID, TANH -> assertThat(a.derivative(z, out)).as("saturation")
              .isGreaterThanOrEqualTo(r.minActivationDerivative());
          default -> { }
        }
      }
    }
    for (String step : t.asked()) {
      Quantity q = t.graph().quantity(step);
      assertThat(values.get(step)).as(step).isFinite();
      if (q.kind() == QuantityKind.GRADIENT) {
        assertThat(Math.abs(values.get(step))).as(step).isGreaterThanOrEqualTo(r.minGradient())
            .isPositive();
      }
    }
    if (r.requireLossDecrease() && t.updates().contains(1)) {
      assertThat(values.get(n.total() + "@1")).isLessThan(values.get(n.total()));
    }
  }

  @Test
  void overridesAreFixedForEveryoneAndTheOthersAreStillDrawn() {
    Template t = Templates.builtin("sigmoid-2-2-2");
    List<Variant> vs = new VariantDrawer(t, 1, Map.of("eta", 0.5, "w5", 0.4)).drawAll(ids(20));
    assertThat(vs).allSatisfy(v -> {
      assertThat(v.parameters().get("eta")).isEqualTo(0.5);
      assertThat(v.parameters().get("w5")).isEqualTo(0.4);
    });
    assertThat(vs.stream().map(v -> v.parameters().get("w6")).distinct().count()).isGreaterThan(5);
  }

  @Test
  void fixedParametersKeepTheTemplateDefault() {
    Template t = resource("tiny-space.yaml");
    Variant v = new VariantDrawer(t, 1, Map.of()).draw("x");
    assertThat(v.parameters()).containsEntry("i1", 1.0).containsEntry("eta", 0.5)
        .containsEntry("target_o1", 1.0);
    assertThat(v.parameters().get("w1")).isIn(0.1, 0.2, 0.3);
  }

  @Test
  void everyValueFixedGivesEveryoneTheSameVariant() {
    Template t = Templates.builtin("sigmoid-2-2-2");
    VariantDrawer d = new VariantDrawer(t, 1, t.defaults());
    assertThat(d.drawsAnything()).isFalse();
    List<Variant> vs = d.drawAll(ids(5));
    assertThat(vs).allSatisfy(v -> assertThat(v.parameters()).isEqualTo(t.defaults()));
  }

  @Test
  void duplicatesAreRedrawnUntilTheSpaceRunsOut() {
    Template t = resource("tiny-space.yaml");
    List<Variant> three = new VariantDrawer(t, 5, Map.of()).drawAll(ids(3));
    assertThat(three.stream().map(v -> v.parameters().get("w1")))
        .containsExactlyInAnyOrder(0.1, 0.2, 0.3);
    assertThatThrownBy(() -> new VariantDrawer(t, 5, Map.of()).drawAll(ids(4)))
        .isInstanceOf(GenerationException.class)
        .hasMessageContaining("template tiny-space: no acceptable draw for student s004 in 10000"
            + " attempts; most frequent rejection: the same values as an earlier student")
        .hasMessageContaining("widen the ranges");
  }

  @Test
  void anImpossibleSymbolicTemplateFailsWithTheSolversReason() {
    Template t = resource("impossible-symbolic.yaml");
    GenerationException e = org.junit.jupiter.api.Assertions.assertThrows(
        GenerationException.class, () -> new VariantDrawer(t, 1, Map.of()).draw("s1"));
    assertThat(e.mostFrequent()).isEqualTo(Degeneracy.DEGENERATE_EXPRESSION);
    assertThat(e.getMessage()).contains("an asked expression with a factor of 0 or 1")
        .contains("widen the ranges of weights and inputs");
  }

  @Test
  void aSymbolicTemplateDrawsOnlyTheExercisesGivensAndRejectsItsOwnUnknowns() {
    Template t = Templates.builtin("exp-output-2-2-1");
    Variant v = new VariantDrawer(t, 4, Map.of("x1", 0.5)).draw("s1");
    assertThat(v.parameters().keySet()).containsExactlyElementsOf(t.givenIds())
        .doesNotContain("y", "eta");
    assertThat(v.parameters()).containsEntry("x1", 0.5);
    assertThatThrownBy(() -> new VariantDrawer(t, 4, Map.of("y", 0.5)))
        .hasMessageStartingWith("unknown parameter y for template exp-output-2-2-1; valid"
            + " parameters: x1, x2");
  }

  @Test
  void anImpossibleTemplateFailsWithItsMostFrequentReason() {
    Template t = resource("impossible-relu.yaml");
    GenerationException e = org.junit.jupiter.api.Assertions.assertThrows(
        GenerationException.class, () -> new VariantDrawer(t, 1, Map.of()).draw("s1"));
    assertThat(e.mostFrequent()).isEqualTo(Degeneracy.SMALL_GRADIENT);
    assertThat(e.rejections().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(VariantDrawer.MAX_ATTEMPTS);
    assertThat(e).hasMessageStartingWith("template impossible-relu: no acceptable draw for"
        + " student s1 in 10000 attempts; most frequent rejection: an asked gradient smaller"
        + " than min_gradient");
  }

  @Test
  void unknownOverrideAndEmptyRangeAreReported() {
    Template t = Templates.builtin("relu-2-1-1");
    assertThatThrownBy(() -> new VariantDrawer(t, 1, Map.of("w9", 1.0)))
        .hasMessageContaining("unknown parameter w9 for template relu-2-1-1; valid parameters: x1");
    Template narrow = TemplateLoader.parse("narrow.yaml", """
        id: narrow
        title: narrow
        network: {layers: [1, 1], activations: [sigmoid], loss: half_sse, bias: none}
        defaults: {i1: 1, w1: 0.5, target_o1: 1, eta: 0.5}
        randomize:
          parameters:
            w1: {min: 0.12, max: 0.13, decimals: 1}
        asked: [out_o1]
        """);
    assertThatThrownBy(() -> new VariantDrawer(narrow, 1, Map.of()))
        .hasMessageContaining("template narrow: the range of w1 [0.12, 0.13] holds no value with"
            + " 1 decimals");
  }

  @Test
  void variantIdIsStableAcrossVersions() {
    // Golden (SHA-256 of "sigmoid-2-2-2|i1=0.05|...|eta=0.5", checked with Python's
    // hashlib): a variant id printed on a sheet must never change meaning.
    assertThat(Variant.idOf("sigmoid-2-2-2", Templates.builtin("sigmoid-2-2-2").defaults()))
        .isEqualTo(GOLDEN_CLASSIC_ID);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      seen.add(Variant.idOf("t", Map.of("w1", i / 10.0)));
    }
    assertThat(seen).hasSize(100).allMatch(s -> s.matches("v[0-9a-f]{7}"));
  }

  static final String GOLDEN_CLASSIC_ID = "v4d010d1";
}
