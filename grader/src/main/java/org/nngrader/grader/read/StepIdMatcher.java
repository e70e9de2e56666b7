package org.nngrader.grader.read;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the canonical step id meant by a step id as written, using the spelling rules of {@link
 * StepIds}. A written id matches a canonical id when their {@linkplain StepIds#normalize(String)
 * normalized} forms are equal, or, failing that, when their forms without underscores are equal and
 * no other canonical id has the same form ({@code Etotal} for {@code E_total}). A step may also go
 * by other names, its aliases ({@code dE_total/dnet_o1} for a step asked as {@code
 * dE_o1/dnet_o1}: one value, two names); an alias is matched the same way, but only where no
 * canonical id is meant. Immutable and thread-safe.
 */
public final class StepIdMatcher {

  private final List<String> canonicalIds;
  private final Map<String, String> byKey = new HashMap<>();
  /** The canonical ids as written: most sheets use them unchanged, found without any regex. */
  private final Map<String, String> exact = new HashMap<>();
  /** Loose key to canonical id; {@code null} value marks a loose key shared by two ids. */
  private final Map<String, String> byLooseKey = new HashMap<>();
  /** Normalized alias to canonical id, for aliases no canonical id is written like. */
  private final Map<String, String> byAliasKey = new HashMap<>();

  /**
   * @param canonicalIds the step ids of the answer key, e.g. {@code dE_total/dw5}
   * @throws IllegalArgumentException when an id is blank or two ids differ only in spelling, naming
   *     both
   */
  public StepIdMatcher(Collection<String> canonicalIds) {
    this(canonicalIds, Map.of());
  }

  /**
   * @param canonicalIds the step ids of the answer key, e.g. {@code dE_total/dw5}
   * @param aliases other names of some of those steps, alias to canonical id; an alias written
   *     like a canonical id, or like another step's alias, is ignored
   * @throws IllegalArgumentException when an id is blank, two ids differ only in spelling (naming
   *     both), or an alias names a step that is not among the canonical ids
   */
  public StepIdMatcher(Collection<String> canonicalIds, Map<String, String> aliases) {
    this.canonicalIds = List.copyOf(canonicalIds);
    for (String id : this.canonicalIds) {
      String key = StepIds.normalize(id);
      if (key.isEmpty()) {
        throw new IllegalArgumentException("a canonical step id is blank: '" + id + "'");
      }
      exact.put(id, id);
      String other = byKey.putIfAbsent(key, id);
      if (other != null && !other.equals(id)) {
        throw new IllegalArgumentException(
            "step ids '" + other + "' and '" + id + "' are the same step when written by hand ('"
                + key + "'); rename one of them");
      }
      loose(byLooseKey, StepIds.looseKey(key), id);
    }
    Map<String, String> aliasKeys = new HashMap<>();
    Map<String, String> aliasLooseKeys = new HashMap<>();
    for (Map.Entry<String, String> a : aliases.entrySet()) {
      if (!this.canonicalIds.contains(a.getValue())) {
        throw new IllegalArgumentException("step id alias '" + a.getKey() + "' names '"
            + a.getValue() + "', which is not a step of this key");
      }
      String key = StepIds.normalize(a.getKey());
      if (key.isEmpty() || byKey.containsKey(key)) {
        continue;
      }
      loose(aliasKeys, key, a.getValue());
      loose(aliasLooseKeys, StepIds.looseKey(key), a.getValue());
    }
    aliasKeys.forEach((key, id) -> {
      if (id != null) {
        byAliasKey.put(key, id);
      }
    });
    aliasLooseKeys.forEach((key, id) -> {
      if (!byLooseKey.containsKey(key)) {
        byLooseKey.put(key, id);
      }
    });
  }

  /** Records key for id, or marks it shared (null) when another id already has it. */
  private static void loose(Map<String, String> keys, String key, String id) {
    if (keys.containsKey(key) && !Objects.equals(keys.get(key), id)) {
      keys.put(key, null);
    } else {
      keys.put(key, id);
    }
  }

  /** The canonical ids this matcher knows, in the order given. */
  public List<String> canonicalIds() {
    return canonicalIds;
  }

  /**
   * The canonical id meant by {@code written}.
   *
   * @param written a step id as written; {@code null} or blank matches nothing
   * @return the canonical id, or empty when none (or more than one) is meant
   */
  public Optional<String> match(String written) {
    if (written == null || written.isBlank()) {
      return Optional.empty();
    }
    String same = exact.get(written);
    if (same == null && written.length() > 0
        && (Character.isWhitespace(written.charAt(0))
            || Character.isWhitespace(written.charAt(written.length() - 1)))) {
      same = exact.get(written.strip());
    }
    if (same != null) {
      return Optional.of(same);
    }
    String key = StepIds.normalize(written);
    String normalized = byKey.get(key);
    if (normalized != null) {
      return Optional.of(normalized);
    }
    String alias = byAliasKey.get(key);
    if (alias != null) {
      return Optional.of(alias);
    }
    return Optional.ofNullable(byLooseKey.get(StepIds.looseKey(key)));
  }
}
