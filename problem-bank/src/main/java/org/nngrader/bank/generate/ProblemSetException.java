package org.nngrader.bank.generate;

/**
 * A folder is not a readable problem set: the message names the file, the field and what to
 * do (usually: give the folder {@code nngrader generate} wrote, or generate it again).
 */
public final class ProblemSetException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final String field;

  public ProblemSetException(String file, String field, String message) {
    super(file + ": " + (field.isEmpty() ? "" : field + " ") + message);
    this.file = file;
    this.field = field;
  }

  public String file() {
    return file;
  }

  /** The manifest field at fault, e.g. {@code students[3].variant}, or "". */
  public String field() {
    return field;
  }
}
