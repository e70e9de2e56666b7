package org.nngrader.bank.template;

import java.util.List;
import java.util.stream.Collectors;

/** A template could not be loaded; carries every problem found, one per line in the message. */
public final class TemplateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<TemplateDiagnostic> diagnostics;

  public TemplateException(TemplateDiagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public TemplateException(List<TemplateDiagnostic> diagnostics) {
    super(diagnostics.stream().map(TemplateDiagnostic::toString).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<TemplateDiagnostic> diagnostics() {
    return diagnostics;
  }
}
