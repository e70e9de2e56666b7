package org.nngrader.bank.graph;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.nngrader.bank.model.Numbers;

/**
 * How a quantity is computed from its parents: a function of the parent values and a text
 * template in which {@code {0}}, {@code {1}}, ... stand for the parents. Rendering the template
 * with parent ids gives the formula in symbols; with parent values, the numbers substituted.
 */
public record Formula(String template, ToDoubleFunction<double[]> function) {

  public Formula {
    if (template == null || function == null) {
      throw new IllegalArgumentException("formula needs a template and a function");
    }
  }

  public double apply(double[] parents) {
    return function.applyAsDouble(parents);
  }

  /** The formula with parent ids, e.g. {@code dE_total/dout_o1 * dout_o1/dnet_o1}. */
  public String symbolic(List<String> parents) {
    return substitute(parents.toArray(String[]::new));
  }

  /** The formula with the parent values substituted (8 decimals, negatives in parentheses). */
  public String numeric(double[] parents) {
    String[] text = new String[parents.length];
    for (int i = 0; i < parents.length; i++) {
      text[i] = Numbers.operand(parents[i]);
    }
    return substitute(text);
  }

  private String substitute(String[] values) {
    StringBuilder sb = new StringBuilder(template.length() + 16 * values.length);
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '{') {
        int close = template.indexOf('}', i);
        int index = Integer.parseInt(template.substring(i + 1, close));
        sb.append(values[index]);
        i = close;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
