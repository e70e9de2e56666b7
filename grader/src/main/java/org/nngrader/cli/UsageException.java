package org.nngrader.cli;

/**
 * A usage or configuration problem (bad option, unknown template, malformed file): the command
 * stops with exit code 2 and prints the message, which says which file or option and what to do.
 */
public final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
