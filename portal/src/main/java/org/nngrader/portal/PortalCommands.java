package org.nngrader.portal;

import java.util.List;
import org.nngrader.cli.CommandProvider;

/** Adds {@code serve}, {@code invite} and {@code staff} to the {@code nngrader} command line. */
public final class PortalCommands implements CommandProvider {

  @Override
  public List<Object> commands() {
    return List.of(new ServeCommand(), new InviteCommand(), new StaffCommand());
  }
}
