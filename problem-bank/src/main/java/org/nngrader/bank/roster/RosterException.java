package org.nngrader.bank.roster;

import java.util.List;
import java.util.stream.Collectors;

/** A roster could not be read; carries every problem found, one per line in the message. */
public final class RosterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<RosterDiagnostic> diagnostics;

  public RosterException(List<RosterDiagnostic> diagnostics) {
    super(diagnostics.stream().map(RosterDiagnostic::toString).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<RosterDiagnostic> diagnostics() {
    return diagnostics;
  }
}
