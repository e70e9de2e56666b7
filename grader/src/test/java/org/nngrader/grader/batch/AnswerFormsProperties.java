package org.nngrader.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.nngrader.bank.generate.VariantDrawer;
import org.nngrader.bank.simulate.RoundAndCarry;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;
import org.nngrader.grader.engine.GradingEngine;
import org.nngrader.grader.engine.StepResult;
import org.nngrader.grader.engine.StudentAnswer;
import org.nngrader.grader.read.AnswerCell;
import org.nngrader.grader.read.AnswerSheet;
import org.nngrader.grader.read.SheetFormat;
import org.nngrader.grader.read.SheetReaders;
import org.nngrader.grader.read.StepIdMatcher;
import org.nngrader.rubric.RubricLoader;

/**
 * The same digits get the same verdicts whatever form they come in: number cells, text cells,
 * text with a decimal comma, a csv file.
 */
public class AnswerFormsProperties {

  /** The built-in templates whose steps are all numbers. */
  public static final List<String> NUMERIC = List.of("relu-2-1-1", "sigmoid-2-2-1", "sigmoid-2-2-2",
      "perceptron");

  @Property(tries = 60)
  void sameDigitsSameVerdictsInEveryForm(
      @ForAll @IntRange(min = 0, max = 3) int template,
      @ForAll RoundAndCarry.Rounding rounding,
      @ForAll @IntRange(min = 0, max = 100_000) int seed) throws Exception {
    Template t = Templates.builtin(NUMERIC.get(template));
    Map<String, Double> givens = new LinkedHashMap<>(t.defaults());
    givens.putAll(new VariantDrawer(t, seed, Map.of()).draw("s").parameters());
    givens = t.graph().evaluate(givens).givens();
    Map<String, String> written = RoundAndCarry.written(t, givens, rounding);
    // Some wrong answers too: a slip at a random step, and a random factor elsewhere.
    Random rnd = new Random(seed);
    List<String> steps = new ArrayList<>();
    for (String s : t.asked()) {
      if (written.containsKey(s)) {
        steps.add(s);
      }
    }
    for (int k = 0; k < 2; k++) {
      String s = steps.get(rnd.nextInt(steps.size()));
      written.put(s, rounding.write(Double.parseDouble(written.get(s)) * (1.5 + rnd.nextDouble())));
    }
    // A number cell shows the shortest decimal form; the other forms are typed with the same
    // digits.
    Map<String, String> digits = new LinkedHashMap<>();
    for (String s : steps) {
      digits.put(s, shortest(written.get(s)));
    }
    StepIdMatcher matcher = new StepIdMatcher(t.asked());
    GradingEngine engine = new GradingEngine(t, RubricLoader.loadBuiltin(t.id()));
    List<AnswerCell> numberCells = new ArrayList<>();
    List<AnswerCell> textCells = new ArrayList<>();
    List<AnswerCell> commaCells = new ArrayList<>();
    StringBuilder csv = new StringBuilder("step,question,answer\n");
    int row = 2;
    for (Map.Entry<String, String> e : digits.entrySet()) {
      numberCells.add(new AnswerCell(e.getKey(), row, e.getValue(),
          Double.parseDouble(e.getValue()), false));
      textCells.add(new AnswerCell(e.getKey(), row, e.getValue(), null, false));
      commaCells.add(new AnswerCell(e.getKey(), row, e.getValue().replace('.', ','), null, false));
      csv.append(e.getKey()).append(",,").append(e.getValue()).append('\n');
      row++;
    }
    List<String> asNumbers = verdicts(engine, givens, convert(numberCells, matcher));
    assertThat(verdicts(engine, givens, convert(textCells, matcher))).as("text cells")
        .isEqualTo(asNumbers);
    assertThat(verdicts(engine, givens, convert(commaCells, matcher))).as("decimal commas")
        .isEqualTo(asNumbers);
    AnswerSheet fromCsv = SheetReaders.read("answers.csv",
        csv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(verdicts(engine, givens,
        AnswerConversion.convert(fromCsv, matcher).answers())).as("csv").isEqualTo(asNumbers);
  }

  static String shortest(String text) {
    BigDecimal d = new BigDecimal(text).stripTrailingZeros();
    return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
  }

  static Map<String, StudentAnswer> convert(List<AnswerCell> cells, StepIdMatcher matcher) {
    AnswerSheet sheet = new AnswerSheet("answers.xlsx", SheetFormat.XLSX, "s1", null, cells,
        List.of());
    return AnswerConversion.convert(sheet, matcher, Set.of()).answers();
  }

  static List<String> verdicts(GradingEngine engine, Map<String, Double> givens,
      Map<String, StudentAnswer> answers) {
    List<String> out = new ArrayList<>();
    for (StepResult r : engine.grade(givens, answers).steps()) {
      out.add(r.step() + " " + r.written().replace(',', '.') + " " + r.verdict().label() + " "
          + r.points());
    }
    return out;
  }
}
