package org.nngrader.cli;

import java.util.concurrent.Callable;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nngrader templates}: the built-in templates, one line each. */
@Command(mixinStandardHelpOptions = true, name = "templates", description = "List the built-in exercise templates.")
final class TemplatesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    int width = Templates.BUILTIN.stream().mapToInt(String::length).max().orElse(10);
    // Built by hand rather than with printf, whose first use loads the JVM's locale data.
    StringBuilder lines = new StringBuilder();
    for (Template t : Templates.all()) {
      lines.append(t.id()).append(" ".repeat(Math.max(0, width - t.id().length()))).append("  ")
          .append(t.title()).append(" (").append(t.asked().size()).append(" steps)")
          .append(System.lineSeparator());
    }
    spec.commandLine().getOut().print(lines);
    return Main.EXIT_OK;
  }
}
