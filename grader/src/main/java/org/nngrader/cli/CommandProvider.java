package org.nngrader.cli;

import java.util.List;

/**
 * Subcommands that another module adds to {@code nngrader} (the portal's {@code serve},
 * {@code invite} and {@code staff}). Implementations are found with {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/org.nngrader.cli.CommandProvider} file), so the grader does not
 * depend on the modules that extend its command line. Each call returns new command objects.
 */
public interface CommandProvider {

  /** New instances of picocli command classes, each annotated with {@code @Command}. */
  List<Object> commands();
}
