package org.nngrader.bank.simulate;

/**
 * What one simulated student does on a symbolic exercise, whose answers are expressions. The
 * mistakes are the ones the grader's expression diagnosis names ({@code factor-left-out},
 * {@code sign-flipped}, {@code wrong-number}), made on every expression step where they can be;
 * number steps (such as {@code p}) are written right except by {@link #BLANK}.
 */
public enum ExpressionBehaviour {
  CORRECT("correct", "every answer as in the key"),
  EQUIVALENT_FORM("equivalent-form", "every expression right but written differently:"
      + " multiplied out, factors reordered with other spellings, or numbers rounded to the"
      + " sheet's significant figures"),
  FACTOR_LEFT_OUT("factor-left-out", "one factor of each chain-rule product left out"),
  SIGN_FLIPPED("sign-flipped", "each expression with its sign flipped (target - output, or a"
      + " minus on the first factor)"),
  WRONG_NUMBER("wrong-number", "one number in each expression wrong (a decimal point slipped,"
      + " or the sign of a function's argument)"),
  GARBLED("garbled", "one expression that cannot be read (a closing parenthesis missing)"),
  BLANK("blank", "some steps left blank"),
  CSV("csv", "a csv instead of an xlsx, all correct");

  private final String id;
  private final String description;

  ExpressionBehaviour(String id, String description) {
    this.id = id;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** Whether the file is an xlsx (every behaviour but {@link #CSV}). */
  public boolean xlsx() {
    return this != CSV;
  }
}
