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
import org.nngrader.bank.sheet.Answer;
import org.nngrader.bank.sheet.AnswerSheet;
import org.nngrader.bank.symbolic.SymbolicSolution;
import org.nngrader.bank.symbolic.SymbolicStep;

/**
 * Fills one student's answer sheet of a symbolic exercise according to an {@link
 * ExpressionBehaviour}: expression steps as text cells, number steps as numeric cells. The key
 * writes each expression as the chain-rule product ({@link SymbolicStep#expression()}).
 */
final class ExpressionSimulation {

  private final AnswerSheet sheet;
  private final SymbolicSolution solution;
  private final SplittableRandom rng;
  private final Map<String, Answer> answers = new LinkedHashMap<>();
  private final Map<String, String> change = new HashMap<>();
  private final List<String> notes = new ArrayList<>();

  ExpressionSimulation(AnswerSheet sheet, SymbolicSolution solution, SplittableRandom rng) {
    this.sheet = sheet;
    this.solution = solution;
    this.rng = rng;
    for (AnswerSheet.Step s : sheet.steps()) {
      answers.put(s.id(), key(solution.step(s.id())));
    }
  }

  private static Answer key(SymbolicStep s) {
    return s.isExpression() ? new Answer.Text(s.expression().toString())
        : new Answer.Number(s.number());
  }

  StudentSimulation.Outcome run(ExpressionBehaviour b) {
    switch (b) {
      case CORRECT, CSV -> { }
      case EQUIVALENT_FORM -> equivalentForms();
      case FACTOR_LEFT_OUT -> eachExpression(b, s -> ExpressionForms.factorLeftOut(s, rng));
      case SIGN_FLIPPED -> eachExpression(b, s -> Optional.of(ExpressionForms.signFlipped(s)));
      case WRONG_NUMBER -> eachExpression(b, s -> ExpressionForms.wrongNumber(s, rng));
      case GARBLED -> garbled();
      case BLANK -> blank();
    }
    List<SimulationReport.Step> steps = new ArrayList<>();
    List<String> altered = new ArrayList<>();
    Map<String, Answer> filled = new LinkedHashMap<>();
    for (AnswerSheet.Step s : sheet.steps()) {
      SymbolicStep ref = solution.step(s.id());
      Answer a = answers.get(s.id());
      if (a != null) {
        filled.put(s.id(), a);
      }
      if (change.containsKey(s.id())) {
        altered.add(s.id());
      }
      steps.add(ref.isExpression()
          ? new SimulationReport.Step(s.id(), Double.NaN, cell(a), written(a), null,
              change.get(s.id()), ref.expression().toString())
          : new SimulationReport.Step(s.id(), ref.number(), cell(a), written(a),
              a instanceof Answer.Number n ? n.value() : null, change.get(s.id())));
    }
    return new StudentSimulation.Outcome(filled, steps, altered, String.join("; ", notes));
  }

  private List<SymbolicStep> expressions() {
    return sheet.steps().stream().filter(AnswerSheet.Step::expression)
        .map(s -> solution.step(s.id())).toList();
  }

  private void write(SymbolicStep s, String text, String how, String note) {
    answers.put(s.id(), new Answer.Text(text));
    change.put(s.id(), how);
    notes.add(s.id() + ": " + note);
  }

  /**
   * Each expression in one of four forms, in turn, skipping a form that prints like the key;
   * each number rounded to the sheet's significant figures.
   */
  private void equivalentForms() {
    int k = 0;
    for (SymbolicStep s : expressions()) {
      String key = s.expression().toString();
      List<String> forms = List.of(
          s.simplified().toString(),
          ExpressionForms.reordered(s).toString(),
          ExpressionForms.rounded(s.simplified(), sheet.significantFigures()).toString(),
          ExpressionForms.spelled(ExpressionForms.reordered(s).toString()));
      List<String> names = List.of("multiplied out", "reordered", "rounded", "respelled");
      for (int i = 0; i < forms.size(); i++) {
        int f = (k + i) % forms.size();
        if (!forms.get(f).equals(key)) {
          write(s, forms.get(f), "equivalent-form", names.get(f));
          break;
        }
      }
      k++;
    }
    for (AnswerSheet.Step st : sheet.steps()) {
      SymbolicStep s = solution.step(st.id());
      if (!s.isExpression()) {
        double rounded = new BigDecimal(Double.toString(s.number()))
            .round(new MathContext(sheet.significantFigures(), RoundingMode.HALF_EVEN))
            .doubleValue();
        if (rounded != s.number()) {
          answers.put(s.id(), new Answer.Number(rounded));
          change.put(s.id(), "rounded");
        }
      }
    }
  }

  private interface Mistake {
    Optional<ExpressionForms.Changed> apply(SymbolicStep s);
  }

  private void eachExpression(ExpressionBehaviour b, Mistake mistake) {
    for (SymbolicStep s : expressions()) {
      Optional<ExpressionForms.Changed> c = mistake.apply(s);
      if (c.isPresent()) {
        write(s, c.get().expression().toString(), b.id(), c.get().what());
      } else {
        notes.add(s.id() + ": the mistake cannot be made here; written right");
      }
    }
  }

  private void garbled() {
    List<SymbolicStep> expressions = expressions();
    SymbolicStep s = expressions.get(rng.nextInt(expressions.size()));
    write(s, ExpressionForms.garbled(s.expression().toString()), "garbled",
        "a closing parenthesis missing");
  }

  private void blank() {
    List<String> ids = new ArrayList<>(answers.keySet());
    int tail = Math.max(1, ids.size() / 4);
    List<String> blank = new ArrayList<>(ids.subList(ids.size() - tail, ids.size()));
    if (ids.size() - tail >= 2) {
      blank.add(ids.get(rng.nextInt(ids.size() - tail)));
    }
    for (String id : blank) {
      answers.remove(id);
      change.put(id, "blank");
    }
  }

  private static String cell(Answer a) {
    if (a instanceof Answer.Number) {
      return "number";
    }
    return a instanceof Answer.Text ? "text" : "blank";
  }

  private static String written(Answer a) {
    if (a instanceof Answer.Number n) {
      return Double.toString(n.value());
    }
    return a instanceof Answer.Text t ? t.text() : null;
  }
}
