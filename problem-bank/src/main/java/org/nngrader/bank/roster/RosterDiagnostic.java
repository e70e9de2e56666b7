package org.nngrader.bank.roster;

/**
 * One problem found in a roster file: the file, the row (1 is the header line; 0 when the
 * problem is not on one row), the column, and a message that says what to do.
 */
public record RosterDiagnostic(String file, int row, String column, String message) {

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (row > 0) {
      sb.append(" row ").append(row);
    }
    sb.append(": ");
    if (column != null && !column.isEmpty()) {
      sb.append(column).append(' ');
    }
    return sb.append(message).toString();
  }
}
