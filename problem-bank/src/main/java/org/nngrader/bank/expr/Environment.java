package org.nngrader.bank.expr;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

/**
 * Values for the free symbols of an expression and a function for each abstract function name
 * ({@code f, f', g, g'}); built-in functions are not part of an environment.
 *
 * <p>Immutable: the maps are copied and sorted at construction. The functions must themselves be
 * stateless for evaluation to be thread-safe.
 *
 * @param symbols a finite value per symbol name
 * @param functions a function per abstract function name
 */
public record Environment(
    SortedMap<String, Double> symbols, SortedMap<String, DoubleUnaryOperator> functions) {

  public Environment {
    Objects.requireNonNull(symbols, "symbols");
    Objects.requireNonNull(functions, "functions");
    symbols = Collections.unmodifiableSortedMap(new TreeMap<>(symbols));
    functions = Collections.unmodifiableSortedMap(new TreeMap<>(functions));
    symbols.forEach(
        (name, value) -> {
          if (value == null || !Double.isFinite(value)) {
            throw new IllegalArgumentException(
                "symbol " + name + " has value " + value + "; it must be a finite number");
          }
        });
    functions.forEach(
        (name, function) -> {
          if (!Names.ABSTRACT_FUNCTIONS.contains(name)) {
            throw new IllegalArgumentException(
                "'"
                    + name
                    + "' is not an abstract function; an environment gives only "
                    + String.join(", ", Names.ABSTRACT_FUNCTIONS));
          }
          Objects.requireNonNull(function, "function " + name);
        });
  }

  /** An environment from any maps (copied and sorted). */
  public static Environment of(
      Map<String, Double> symbols, Map<String, DoubleUnaryOperator> functions) {
    return new Environment(new TreeMap<>(symbols), new TreeMap<>(functions));
  }

  /**
   * The value of a symbol.
   *
   * @throws IllegalArgumentException naming the symbol and the symbols that have values
   */
  public double valueOf(String symbol) {
    Double value = symbols.get(symbol);
    if (value == null) {
      throw new IllegalArgumentException(
          "no value for symbol "
              + symbol
              + "; the environment has values for "
              + (symbols.isEmpty() ? "no symbols" : String.join(", ", symbols.keySet())));
    }
    return value;
  }

  /**
   * The function given for an abstract function name.
   *
   * @throws IllegalArgumentException naming the function and the functions that are given
   */
  public DoubleUnaryOperator function(String name) {
    DoubleUnaryOperator function = functions.get(name);
    if (function == null) {
      throw new IllegalArgumentException(
          "no function given for "
              + name
              + "; the environment gives "
              + (functions.isEmpty() ? "no functions" : String.join(", ", functions.keySet())));
    }
    return function;
  }
}
