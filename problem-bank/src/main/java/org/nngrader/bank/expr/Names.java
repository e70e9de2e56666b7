package org.nngrader.bank.expr;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The reserved names of the expression language: functions, their aliases and Euler's e. */
final class Names {

  /** Functions an exercise leaves abstract; evaluated as random smooth functions when grading. */
  static final SortedSet<String> ABSTRACT_FUNCTIONS =
      Collections.unmodifiableSortedSet(new TreeSet<>(List.of("f", "f'", "g", "g'")));

  /** Functions with a fixed meaning, always allowed. */
  static final SortedSet<String> BUILTIN_FUNCTIONS =
      Collections.unmodifiableSortedSet(
          new TreeSet<>(List.of("exp", "ln", "sigmoid", "sqrt", "tanh")));

  /** Euler's number; a name, not a symbol, so {@code e^z} means exp(z). */
  static final String EULER = "e";

  /** Every spelling of a function name, mapped to its canonical name. */
  private static final Map<String, String> FUNCTION_SPELLINGS = functionSpellings();

  private Names() {}

  private static Map<String, String> functionSpellings() {
    Map<String, String> spellings = new TreeMap<>();
    for (String name : ABSTRACT_FUNCTIONS) {
      spellings.put(name, name);
    }
    for (String name : BUILTIN_FUNCTIONS) {
      spellings.put(name, name);
    }
    // The lexer already turns ’ and ′ into ', so f’ arrives here as f'.
    spellings.put("f_prime", "f'");
    spellings.put("fprime", "f'");
    spellings.put("g_prime", "g'");
    spellings.put("gprime", "g'");
    spellings.put("log", "ln");
    spellings.put("\u03C3", "sigmoid"); // σ
    return Collections.unmodifiableMap(spellings);
  }

  /** The canonical function name for a (normalised) spelling, if it names a function. */
  static Optional<String> function(String spelling) {
    return Optional.ofNullable(FUNCTION_SPELLINGS.get(spelling));
  }

  static boolean isFunction(String canonical) {
    return ABSTRACT_FUNCTIONS.contains(canonical) || BUILTIN_FUNCTIONS.contains(canonical);
  }

  /**
   * Why {@code name} cannot be a symbol, or empty when it can: a symbol name is what the lexer
   * reads as one name token in normal form, and is not reserved, so that printing it and parsing it
   * again gives the same symbol.
   */
  static Optional<String> symbolNameProblem(String name) {
    List<Token> tokens = Lexer.tokenize(name);
    if (tokens.size() != 2
        || tokens.get(0).kind() != Token.Kind.NAME
        || tokens.get(0).start() != 0
        || tokens.get(0).text().length() != name.length()) {
      return Optional.of(
          "'"
              + name
              + "' is not a name: a symbol is letters, digits and '_' starting with a"
              + " letter, optionally followed by primes, or a derivative written d<name>/d<name>");
    }
    String normal = tokens.get(0).name();
    if (!normal.equals(name)) {
      return Optional.of("'" + name + "' is not in normal form; write it as '" + normal + "'");
    }
    if (FUNCTION_SPELLINGS.containsKey(name) || name.equals(EULER)) {
      return Optional.of(
          "'"
              + name
              + "' is reserved for "
              + (name.equals(EULER) ? "Euler's number" : "the function " + function(name).get())
              + " and cannot be a symbol");
    }
    return Optional.empty();
  }
}
