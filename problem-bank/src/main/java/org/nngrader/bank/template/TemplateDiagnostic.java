package org.nngrader.bank.template;

/**
 * One problem found in a template file: where (file, line, field) and what is wrong, with the
 * way out in the message.
 */
public record TemplateDiagnostic(String file, int line, String field, String message) {

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(" line ").append(line);
    }
    sb.append(": ");
    if (field != null && !field.isEmpty()) {
      sb.append(field).append(' ');
    }
    return sb.append(message).toString();
  }
}
