package org.nngrader.bank.generate;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.nngrader.bank.model.ParameterKind;
import org.nngrader.bank.template.Range;
import org.nngrader.bank.template.Template;

/**
 * Draws each student's variant of a template. A student's draw depends only on the template,
 * the assignment seed, the overrides and the student id (attempt n uses a generator seeded
 * from SHA-256 of {@code seed:studentId:n}), so one variant can be regenerated alone and
 * adding a student changes nobody else's. Attempts that are degenerate ({@link Degeneracy})
 * are redrawn, at most {@link #MAX_ATTEMPTS} times. For a symbolic template only the exercise's
 * givens ({@link Template#givenIds()}) are drawn, and a draw is degenerate when the symbolic
 * solver finds it so or cannot solve it. Immutable and thread-safe.
 */
public final class VariantDrawer {

  /** Attempts per student before the template is declared impossible. */
  public static final int MAX_ATTEMPTS = 10_000;

  private static final double[] POWERS = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};

  private final Template template;
  private final long seed;
  private final Map<String, Double> base = new LinkedHashMap<>();
  private final Map<String, Range> drawn = new LinkedHashMap<>();
  private final Set<String> nonZero = new HashSet<>();
  private final Function<Map<String, Double>, Optional<Degeneracy>> check;

  /**
   * @param overrides values fixed for every student (they are not drawn)
   * @throws IllegalArgumentException naming an unknown parameter, or a range that holds no
   *     value with its number of decimals
   */
  public VariantDrawer(Template template, long seed, Map<String, Double> overrides) {
    this.template = template;
    this.seed = seed;
    // A symbolic template's exercise has fewer givens than its graph: only those are drawn.
    List<String> givens = template.givenIds();
    Set<String> unknown = new TreeSet<>(overrides.keySet());
    unknown.removeAll(givens);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown parameter " + String.join(", ", unknown)
          + " for template " + template.id() + "; valid parameters: "
          + String.join(", ", givens));
    }
    Map<String, ParameterKind> kinds = template.notation().givens();
    for (String id : givens) {
      base.put(id, overrides.getOrDefault(id, template.defaults().get(id)));
      if (overrides.containsKey(id) || template.randomization().fixed().contains(id)) {
        continue;
      }
      ParameterKind kind = kinds.get(id);
      Range r = template.randomization().rangeOf(id, kind);
      if (low(r) > high(r)) {
        throw new IllegalArgumentException("template " + template.id() + ": the range of " + id
            + " [" + r.min() + ", " + r.max() + "] holds no value with " + r.decimals()
            + " decimals; widen it or allow more decimals");
      }
      drawn.put(id, r);
      if (kind == ParameterKind.WEIGHT || kind == ParameterKind.INPUT) {
        nonZero.add(id);
      }
    }
    this.check = template.isSymbolic() ? new SymbolicDrawCheck(template)::check
        : new DrawCheck(template)::check;
  }

  public Template template() {
    return template;
  }

  /** Whether any parameter is drawn (false when every one is fixed or overridden). */
  public boolean drawsAnything() {
    return !drawn.isEmpty();
  }

  /** The ids of the parameters that are drawn, in given order. */
  public Set<String> drawnParameters() {
    return Collections.unmodifiableSet(drawn.keySet());
  }

  /** The variant of one student, as if alone in the class. */
  public Variant draw(String studentId) {
    return draw(studentId, id -> false);
  }

  /**
   * The variant of one student whose id is not {@code taken}: the first acceptable attempt.
   * When nothing is drawn, the one possible variant is returned without checks (the
   * instructor chose every value).
   *
   * @throws GenerationException when every attempt is rejected
   */
  public Variant draw(String studentId, Predicate<String> taken) {
    if (!drawsAnything()) {
      return Variant.of(template.id(), base);
    }
    Map<Degeneracy, Integer> rejected = new EnumMap<>(Degeneracy.class);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Map<String, Double> values = attempt(studentId, attempt);
      Optional<Degeneracy> why = degeneracy(values);
      if (why.isEmpty()) {
        Variant v = Variant.of(template.id(), values);
        if (!taken.test(v.id())) {
          return v;
        }
        why = Optional.of(Degeneracy.DUPLICATE);
      }
      rejected.merge(why.get(), 1, Integer::sum);
    }
    throw new GenerationException(template.id(), studentId, MAX_ATTEMPTS, rejected);
  }

  /**
   * The variants of a class, in roster order, all different: a student whose draw repeats an
   * earlier student's variant redraws (deterministically, from the next attempts). Repeats are
   * found by variant id, so ids are unique within the class even in the rare case of two
   * different draws sharing an id.
   */
  public List<Variant> drawAll(List<String> studentIds) {
    Set<String> taken = new HashSet<>();
    List<Variant> out = new ArrayList<>(studentIds.size());
    for (String id : studentIds) {
      Variant v = draw(id, drawsAnything() ? taken::contains : x -> false);
      taken.add(v.id());
      out.add(v);
    }
    return out;
  }

  private Map<String, Double> attempt(String studentId, int attempt) {
    SplittableRandom rng = new SplittableRandom(
        ByteBuffer.wrap(Variant.sha256(seed + ":" + studentId + ":" + attempt)).getLong());
    Map<String, Double> values = new LinkedHashMap<>(base);
    drawn.forEach((id, r) -> values.put(id, rng.nextLong(low(r), high(r) + 1) / POWERS[r.decimals()]));
    return values;
  }

  private Optional<Degeneracy> degeneracy(Map<String, Double> values) {
    for (String id : nonZero) {
      if (values.get(id) == 0) {
        return Optional.of(Degeneracy.ZERO_VALUE);
      }
    }
    return check.apply(values);
  }

  // Integer grid of the range: k / 10^decimals for k in [low, high]; the epsilon keeps a bound
  // such as 0.3 * 10 = 2.9999999999999996 on the grid.
  private static long low(Range r) {
    return (long) Math.ceil(r.min() * POWERS[r.decimals()] - 1e-9);
  }

  private static long high(Range r) {
    return (long) Math.floor(r.max() * POWERS[r.decimals()] + 1e-9);
  }
}
