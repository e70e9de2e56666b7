package org.nngrader.cli;

import java.util.function.Supplier;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.TemplateException;
import org.nngrader.bank.template.Templates;

/** Small shared pieces of the commands: turning configuration errors into usage errors. */
final class Cli {

  private Cli() {}

  /** Runs a step whose IllegalArgumentException is the user's mistake (exit code 2). */
  static <T> T attempt(Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  /** A built-in template by id or a template file by path. */
  static Template template(String idOrPath) {
    try {
      return Templates.resolve(idOrPath);
    } catch (TemplateException e) {
      throw new UsageException(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
