package org.nngrader.bank.simulate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.nngrader.bank.graph.Derivation;
import org.nngrader.bank.graph.Formula;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.mistake.Misconception;
import org.nngrader.bank.model.Numbers;
import org.nngrader.bank.sheet.Answer;
import org.nngrader.bank.sheet.AnswerSheet;
import org.nngrader.bank.template.Template;

/**
 * Fills one student's answer sheet according to a behaviour. Wrong values come from
 * evaluating a changed graph with the student's parameters, so every later step follows
 * from the mistake as a student working correctly from it would compute it.
 */
final class StudentSimulation {

  /** The filled cells and what was done to each step. */
  record Outcome(Map<String, Answer> answers, List<SimulationReport.Step> steps,
      List<String> altered, String note) {}

  private static final List<String> NOT_NUMBERS = List.of("see my notes", "?", "n/a", "don't know");

  private final Template template;
  private final AnswerSheet sheet;
  private final Values correct;
  private final SplittableRandom rng;
  private final Map<String, Double> key = new LinkedHashMap<>();
  private final Map<String, Double> meant = new LinkedHashMap<>();
  private final Map<String, String> change = new HashMap<>();
  private final Map<String, Answer> special = new HashMap<>();
  private String note = "";

  StudentSimulation(Template template, AnswerSheet sheet, Map<String, Double> parameters,
      SplittableRandom rng) {
    this.template = template;
    this.sheet = sheet;
    this.correct = template.graph().evaluate(parameters);
    this.rng = rng;
    for (AnswerSheet.Step s : sheet.steps()) {
      key.put(s.id(), correct.get(s.id()));
    }
    meant.putAll(key);
  }

  Outcome run(Behaviour b) {
    switch (b.kind()) {
      case CORRECT, CSV, TRUNCATED -> { }
      case ROUNDED -> follow(template.graph().mutate(q -> q.isGiven() ? q
          : q.withDerivations(List.of(rounded(q.primary())))), id -> "rounded");
      case ROUNDED_3SF -> roundAndCarry(RoundAndCarry.Rounding.SIGNIFICANT_3);
      case ROUNDED_2DP -> roundAndCarry(RoundAndCarry.Rounding.DECIMALS_2);
      case SLIP -> slip();
      case MISCONCEPTION -> misconception(b.misconception());
      case BLANK -> blank();
      case DECIMAL_COMMA -> decimalComma();
      case NOT_A_NUMBER -> notANumber();
      case FORMULA -> formulas();
    }
    List<SimulationReport.Step> steps = new ArrayList<>();
    Map<String, Answer> answers = new LinkedHashMap<>();
    List<String> altered = new ArrayList<>();
    for (AnswerSheet.Step s : sheet.steps()) {
      String id = s.id();
      Answer a = special.containsKey(id) ? special.get(id)
          : meant.containsKey(id) ? new Answer.Number(meant.get(id)) : null;
      if (a != null) {
        answers.put(id, a);
      }
      if (change.containsKey(id)) {
        altered.add(id);
      }
      steps.add(new SimulationReport.Step(id, key.get(id), cell(a), written(a), meant.get(id),
          change.get(id)));
    }
    return new Outcome(answers, steps, altered, note);
  }

  /** Takes the asked values from a changed graph; steps that differ get {@code how(step)}. */
  private void follow(QuantityGraph g, Function<String, String> how) {
    Values v = g.evaluate(correct.givens());
    for (String id : key.keySet()) {
      // A mistaken graph may name quantities differently (weights numbered by source): a step
      // it has no quantity for is written as in the key.
      double x = g.contains(id) ? v.get(id) : key.get(id);
      if (Double.compare(x, key.get(id)) != 0) {
        change.put(id, how.apply(id));
        if (Double.isFinite(x)) {
          meant.put(id, x);
        } else {
          meant.remove(id);
          special.put(id, new Answer.Text("#NUM!"));
        }
      }
    }
  }

  /** Every quantity computed from the rounded values of its parents, rounded as given. */
  private void roundAndCarry(RoundAndCarry.Rounding rounding) {
    follow(template.graph().mutate(q -> q.isGiven() ? q
        : q.withDerivations(List.of(rounded(q.primary(), rounding)))), id -> "rounded");
  }

  private static Derivation rounded(Derivation d, RoundAndCarry.Rounding rounding) {
    Formula f = d.formula();
    return new Derivation(d.parents(), new Formula(f.template(), p -> {
      double x = f.apply(p);
      return Double.isFinite(x) ? Double.parseDouble(rounding.write(x)) : x;
    }));
  }

  private static Derivation rounded(Derivation d) {
    Formula f = d.formula();
    return new Derivation(d.parents(), new Formula(f.template(), p -> round4(f.apply(p))));
  }

  /**
   * Rounds as a student working by hand does: to 4 decimals, but to 4 significant figures for
   * values below 0.01 (nobody writes 0.0000 for an error of 3.5e-5).
   */
  static double round4(double x) {
    if (!Double.isFinite(x) || x == 0) {
      return x;
    }
    BigDecimal d = new BigDecimal(Double.toString(x));
    return Math.abs(x) < 0.01
        ? d.round(new MathContext(4, RoundingMode.HALF_UP)).doubleValue()
        : d.setScale(4, RoundingMode.HALF_UP).doubleValue();
  }

  /** An early step with later asked steps depending on it, so the slip carries forward. */
  private void slip() {
    List<String> ids = new ArrayList<>(key.keySet());
    List<String> early = new ArrayList<>();
    for (int i = 0; i < ids.size() - 1; i++) {
      String id = ids.get(i);
      boolean feeds = template.graph().ancestorsOf(ids.subList(i + 1, ids.size())).stream()
          .anyMatch(q -> q.id().equals(id));
      if (feeds) {
        early.add(id);
      }
    }
    List<String> from = early.isEmpty() ? ids : early;
    String step = from.get(rng.nextInt(Math.max(1, Math.min(from.size(), ids.size() / 3))));
    double v = key.get(step);
    // A slip of 0.37 units of the leading digit: clearly wrong, and never a trivial value
    // (0, 1, -1 or a given), which the grader would rightly treat as a placeholder.
    double unit = v == 0 ? 0.1 : Math.pow(10, Math.floor(Math.log10(Math.abs(v))));
    double candidate = v + 0.37 * unit;
    java.util.Collection<Double> givens = correct.givens().values();
    while (candidate == 0 || Math.abs(candidate) == 1 || givens.contains(candidate)) {
      candidate += 0.37 * unit;
    }
    double slipped = candidate;
    Derivation constant = new Derivation(List.of(),
        new Formula(Numbers.given(slipped), p -> slipped));
    follow(template.graph().mutate(q -> q.id().equals(step) ? q.withDerivations(List.of(constant))
        : q), id -> id.equals(step) ? "slip" : "follows-slip");
    note = step + " written as " + Numbers.computed(slipped) + " instead of "
        + Numbers.computed(v);
  }

  private void misconception(Misconception m) {
    QuantityGraph original = template.graph();
    for (QuantityGraph g : ClassSimulator.mistaken(template, m)) {
      Values v = g.evaluate(correct.givens());
      if (key.keySet().stream().anyMatch(id -> g.contains(id)
          && Double.compare(v.get(id), key.get(id)) != 0)) {
        follow(g, id -> "follows-misconception");
        // Where the mistake shows first: a step computed the wrong way, or one whose asked
        // ancestors are all right (the mistake sits in an intermediate that is not asked).
        for (String id : List.copyOf(change.keySet())) {
          boolean rewritten =
              !g.quantity(id).derivations().equals(original.quantity(id).derivations());
          boolean inherited = g.ancestorsOf(List.of(id)).stream()
              .anyMatch(q -> !q.id().equals(id) && change.containsKey(q.id()));
          if (rewritten || !inherited) {
            change.put(id, "misconception");
          }
        }
        return;
      }
    }
    note = "the mistake makes no difference to the asked steps of this variant";
  }

  private void blank() {
    List<String> ids = new ArrayList<>(key.keySet());
    int tail = Math.max(1, ids.size() / 4);
    List<String> blank = new ArrayList<>(ids.subList(ids.size() - tail, ids.size()));
    if (ids.size() - tail >= 2) {
      blank.add(ids.get(rng.nextInt(ids.size() - tail)));
    }
    for (String id : blank) {
      meant.remove(id);
      change.put(id, "blank");
    }
  }

  private void decimalComma() {
    List<String> ids = new ArrayList<>(key.keySet());
    List<String> fractional = ids.stream().filter(id -> key.get(id) != Math.rint(key.get(id)))
        .toList();
    List<String> from = fractional.isEmpty() ? ids : fractional;
    String step = from.get(rng.nextInt(from.size()));
    String text = new BigDecimal(Double.toString(key.get(step)))
        .round(new MathContext(template.significantFigures() + 2)).toPlainString();
    special.put(step, new Answer.Text(text.replace('.', ',')));
    meant.put(step, Double.parseDouble(text));
    change.put(step, "decimal-comma");
  }

  private void notANumber() {
    List<String> ids = new ArrayList<>(key.keySet());
    String step = ids.get(rng.nextInt(ids.size()));
    special.put(step, new Answer.Text(NOT_NUMBERS.get(rng.nextInt(NOT_NUMBERS.size()))));
    meant.remove(step);
    change.put(step, "not-a-number");
  }

  private void formulas() {
    String literal = null;
    for (String id : key.keySet()) {
      Optional<String> f = ExcelFormulas.of(id, sheet, correct);
      if (f.isPresent()) {
        special.put(id, new Answer.Formula(f.get(), key.get(id)));
        change.put(id, "formula");
      } else if (literal == null) {
        literal = id;
      }
    }
    if (literal == null) {
      literal = key.keySet().iterator().next();
    }
    special.put(literal, new Answer.Formula(ExcelFormulas.literal(key.get(literal)),
        key.get(literal)));
    change.put(literal, "formula");
  }

  private static String cell(Answer a) {
    if (a instanceof Answer.Number) {
      return "number";
    }
    if (a instanceof Answer.Text) {
      return "text";
    }
    return a instanceof Answer.Formula ? "formula" : "blank";
  }

  private static String written(Answer a) {
    if (a instanceof Answer.Number n) {
      return Double.toString(n.value());
    }
    if (a instanceof Answer.Text t) {
      return t.text();
    }
    return a instanceof Answer.Formula f ? f.formula() : null;
  }
}
