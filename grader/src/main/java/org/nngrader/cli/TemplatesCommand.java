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
    for (Template t : Templates.all()) {
      spec.commandLine().getOut().printf("%-" + width + "s  %s (%d steps)%n",
          t.id(), t.title(), t.asked().size());
    }
    return Main.EXIT_OK;
  }
}
