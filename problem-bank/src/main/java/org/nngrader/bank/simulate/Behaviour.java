package org.nngrader.bank.simulate;

import org.nngrader.bank.mistake.Misconception;

/**
 * What one simulated student does. Immutable.
 *
 * @param misconception the mistake made, for {@link Kind#MISCONCEPTION} only (else null)
 */
public record Behaviour(Kind kind, Misconception misconception) {

  /** The behaviours of a simulated class, in the order the mixed profile cycles through. */
  public enum Kind {
    CORRECT("correct", "all correct at full precision"),
    ROUNDED("rounded", "all correct, but every intermediate rounded to 4 decimals (4 significant"
        + " figures below 0.01) and later steps computed from the rounded values"),
    SLIP("slip", "one early arithmetic slip; later steps computed correctly from it"),
    MISCONCEPTION("misconception", "a known misconception applied where it belongs"),
    BLANK("blank", "some steps left blank"),
    DECIMAL_COMMA("decimal-comma", "one value typed as text with a decimal comma"),
    NOT_A_NUMBER("not-a-number", "one answer that is not a number"),
    FORMULA("formula", "formula cells (with cached values) instead of numbers"),
    CSV("csv", "a csv instead of an xlsx, all correct"),
    TRUNCATED("truncated", "a truncated (corrupt) xlsx"),
    ROUNDED_3SF("rounded-3sf", "all correct by hand, every intermediate rounded to 3 significant"
        + " figures, carried on, and typed into number cells"),
    ROUNDED_2DP("rounded-2dp", "all correct by hand, every intermediate rounded to 2 decimals,"
        + " carried on, and typed into number cells");

    private final String id;
    private final String description;

    Kind(String id, String description) {
      this.id = id;
      this.description = description;
    }

    public String id() {
      return id;
    }

    public String description() {
      return description;
    }
  }

  public Behaviour {
    if ((kind == Kind.MISCONCEPTION) != (misconception != null)) {
      throw new IllegalArgumentException("a misconception behaviour, and only it, names a"
          + " misconception");
    }
  }

  public static Behaviour of(Kind kind) {
    return new Behaviour(kind, null);
  }

  /** {@code slip}, or {@code misconception:<id>}. */
  public String id() {
    return misconception == null ? kind.id() : kind.id() + ":" + misconception.id();
  }

  public String description() {
    return misconception == null ? kind.description() : "misconception: " + misconception.title();
  }

  /** Whether the file is an xlsx (every behaviour but {@link Kind#CSV}). */
  public boolean xlsx() {
    return kind != Kind.CSV;
  }
}
