package org.nngrader.bank.simulate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which behaviours a simulated class shows. */
public enum Profile {
  /** Each student one behaviour, cycling through every {@link Behaviour.Kind} in roster order. */
  MIXED("mixed"),
  /** Every student all correct at full precision. */
  CORRECT("correct");

  private final String id;

  Profile(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Parses a profile name; the message lists the valid ones. */
  public static Profile parse(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    for (Profile p : values()) {
      if (p.id.equals(n)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown profile '" + name + "'; valid: "
        + Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", ")));
  }
}
