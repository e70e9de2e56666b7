package org.nngrader.bank.simulate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.model.Numbers;
import org.nngrader.bank.sheet.AnswerSheet;
import org.nngrader.bank.sheet.AnswerSheetXlsx;

/**
 * Spreadsheet formulas a student could type for a step: the step's own formula with the
 * answer cells of asked parents (C5) and the numbers of given parents, when the formula is
 * plain arithmetic that reads the same in Excel (products, sums, differences, quotients,
 * powers).
 */
final class ExcelFormulas {

  /** Parent placeholders, digits, spaces and + - * / ^ ( ) . only: no functions, no e^. */
  private static final Pattern PLAIN = Pattern.compile("[{}0-9 .*+\\-/^()]*\\{[0-9]+}[{}0-9 .*+\\-/^()]*");

  private ExcelFormulas() {}

  /** The step's formula in terms of other cells, e.g. {@code =C5*C6*C7}, if there is one. */
  static Optional<String> of(String step, AnswerSheet sheet, Values values) {
    QuantityGraph g = values.graph();
    Quantity q = g.quantity(step);
    if (q.isGiven()) {
      return Optional.empty();
    }
    String template = q.primary().formula().template();
    if (!PLAIN.matcher(template).matches()) {
      return Optional.empty();
    }
    List<String> parents = q.parents();
    String[] operands = new String[parents.size()];
    for (int i = 0; i < operands.length; i++) {
      String p = parents.get(i);
      if (sheet.indexOf(p) >= 0) {
        operands[i] = AnswerSheetXlsx.answerCell(sheet, p);
      } else if (g.quantity(p).isGiven()) {
        operands[i] = Numbers.givenOperand(values.get(p));
      } else {
        return Optional.empty();
      }
    }
    StringBuilder f = new StringBuilder("=");
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '{') {
        int close = template.indexOf('}', i);
        f.append(operands[Integer.parseInt(template.substring(i + 1, close))]);
        i = close;
      } else if (c != ' ') {
        f.append(c);
      }
    }
    return Optional.of(f.toString());
  }

  /** A formula that is just the number, e.g. {@code =0.593269992107187}. */
  static String literal(double value) {
    return "=" + new BigDecimal(Double.toString(value)).toPlainString();
  }
}
