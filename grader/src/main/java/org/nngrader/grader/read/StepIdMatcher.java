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
 * no other canonical id has the same form ({@code Etotal} for {@code E_total}). Immutable and
 * thread-safe.
 */
public final class StepIdMatcher {

  private final List<String> canonicalIds;
  private final Map<String, String> byKey = new HashMap<>();
  /** The canonical ids as written: most sheets use them unchanged, found without any regex. */
  private final Map<String, String> exact = new HashMap<>();
  /** Loose key to canonical id; {@code null} value marks a loose key shared by two ids. */
  private final Map<String, String> byLooseKey = new HashMap<>();

  /**
   * @param canonicalIds the step ids of the answer key, e.g. {@code dE_total/dw5}
   * @throws IllegalArgumentException when an id is blank or two ids differ only in spelling, naming
   *     both
   */
  public StepIdMatcher(Collection<String> canonicalIds) {
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
      String loose = StepIds.looseKey(key);
      if (byLooseKey.containsKey(loose) && !Objects.equals(byLooseKey.get(loose), id)) {
        byLooseKey.put(loose, null);
      } else {
        byLooseKey.put(loose, id);
      }
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
    return Optional.ofNullable(byLooseKey.get(StepIds.looseKey(key)));
  }
}
