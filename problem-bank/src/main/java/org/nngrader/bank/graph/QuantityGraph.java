package org.nngrader.bank.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A directed acyclic graph of named scalar quantities: the given values of an exercise and
 * every quantity computed from them. The solver evaluates it, the problem bank reads it to
 * decide what to ask, and the grader re-evaluates single quantities from a student's own
 * values. Immutable and safe to share between threads.
 *
 * <p>A quantity may have other names, its <em>aliases</em>: with one output {@code dE_o1/dnet_o1}
 * is {@code dE_total/dnet_o1}, and {@code dE_o1/dout_o1} is always {@code dE_total/dout_o1}. One
 * value, several names: {@link #find}, {@link #contains}, {@link #indexOf} and {@link
 * Values#get} accept any of them, and {@link #preferring} gives the quantity the name an
 * exercise asks it by.
 */
public final class QuantityGraph {

  private final List<Quantity> quantities;
  private final Map<String, Integer> index;
  private final int[][] parents;
  private final List<String> givens;
  /** The same ids, to look up. */
  private final Set<String> givenSet;
  /** Alias to the id of the quantity it names, in the order they were declared. */
  private final Map<String, String> aliases;
  /**
   * The quantities after training and those computed from them, which {@link #evaluate} and
   * {@link #evaluatePinned} leave to the first {@link Values#get} (each is many updates of
   * gradient descent, and a world may never be asked about them); null when there are none.
   */
  private final boolean[] deferred;
  /** The runs of gradient descent the quantities after training share, by number of updates. */
  private final List<Trainer> trainers;

  private QuantityGraph(List<Quantity> ordered, Map<String, String> aliases) {
    this.quantities = List.copyOf(ordered);
    this.index = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      index.put(ordered.get(i).id(), i);
    }
    this.aliases = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
    this.parents = new int[ordered.size()][];
    List<String> g = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      Quantity q = ordered.get(i);
      if (q.isGiven()) {
        g.add(q.id());
      }
      List<String> ps = q.parents();
      parents[i] = new int[ps.size()];
      for (int p = 0; p < ps.size(); p++) {
        parents[i][p] = index.get(ps.get(p));
      }
    }
    this.givens = List.copyOf(g);
    this.givenSet = new java.util.HashSet<>(g);
    boolean[] later = new boolean[ordered.size()];
    boolean any = false;
    for (int i = 0; i < later.length; i++) {
      later[i] = ordered.get(i).kind() == QuantityKind.AFTER_TRAINING;
      for (int p : parents[i]) {
        later[i] |= later[p];
      }
      any |= later[i];
    }
    this.deferred = any ? later : null;
    List<Trainer> runs = new ArrayList<>();
    for (Quantity q : ordered) {
      for (Derivation d : q.derivations()) {
        if (d.formula().function() instanceof TrainedValue t
            && runs.stream().noneMatch(r -> r == t.trainer())) {
          runs.add(t.trainer());
        }
      }
    }
    runs.sort(Comparator.comparingInt(Trainer::steps));
    this.trainers = List.copyOf(runs);
  }

  /**
   * Builds a graph from quantities in any order; they are sorted topologically, keeping the
   * given order wherever the dependencies allow (so the order the compiler chose, the textbook
   * order, is the order of worked solutions).
   *
   * @throws IllegalArgumentException on a duplicate id, a parent that is not in the list, or a
   *     cycle, naming the quantities involved
   */
  public static QuantityGraph of(List<Quantity> quantities) {
    return of(quantities, Map.of());
  }

  /**
   * Builds a graph whose quantities also go by other names.
   *
   * @param aliases alias to the id of the quantity it names
   * @throws IllegalArgumentException as {@link #of(List)}, and for an alias that is the id of a
   *     quantity or names no quantity
   */
  public static QuantityGraph of(List<Quantity> quantities, Map<String, String> aliases) {
    Map<String, Quantity> byId = new HashMap<>();
    for (Quantity q : quantities) {
      if (byId.put(q.id(), q) != null) {
        throw new IllegalArgumentException("two quantities are named " + q.id());
      }
    }
    for (Quantity q : quantities) {
      for (Derivation d : q.derivations()) {
        for (String p : d.parents()) {
          if (!byId.containsKey(p)) {
            throw new IllegalArgumentException(q.id() + " depends on unknown quantity " + p);
          }
        }
      }
    }
    // Depth-first topological sort in list order: stable, and parents always come first.
    List<Quantity> ordered = new ArrayList<>(quantities.size());
    Set<String> done = new LinkedHashSet<>();
    Set<String> onPath = new LinkedHashSet<>();
    for (Quantity q : quantities) {
      visit(q, byId, done, onPath, ordered);
    }
    aliases.forEach((alias, id) -> {
      if (byId.containsKey(alias)) {
        throw new IllegalArgumentException(
            alias + " is a quantity of its own; it cannot also be another name of " + id);
      }
      if (!byId.containsKey(id)) {
        throw new IllegalArgumentException(alias + " is another name of unknown quantity " + id);
      }
    });
    return new QuantityGraph(ordered, aliases);
  }

  private static void visit(
      Quantity root, Map<String, Quantity> byId, Set<String> done, Set<String> onPath,
      List<Quantity> ordered) {
    if (done.contains(root.id())) {
      return;
    }
    Deque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {root, 0});
    onPath.add(root.id());
    while (!stack.isEmpty()) {
      Object[] top = stack.peek();
      Quantity q = (Quantity) top[0];
      int next = (Integer) top[1];
      List<String> ps = q.parents();
      if (next < ps.size()) {
        top[1] = next + 1;
        String p = ps.get(next);
        if (done.contains(p)) {
          continue;
        }
        if (onPath.contains(p)) {
          throw new IllegalArgumentException("quantities form a cycle through " + p);
        }
        onPath.add(p);
        stack.push(new Object[] {byId.get(p), 0});
      } else {
        stack.pop();
        onPath.remove(q.id());
        done.add(q.id());
        ordered.add(q);
      }
    }
  }

  /** All quantities, parents before children, in textbook order where dependencies allow. */
  public List<Quantity> quantities() {
    return quantities;
  }

  /** The quantity with this id or alias. */
  public Optional<Quantity> find(String id) {
    int i = indexOf(id);
    return i < 0 ? Optional.empty() : Optional.of(quantities.get(i));
  }

  /** Every alias, to the id of the quantity it names. */
  public Map<String, String> aliases() {
    return aliases;
  }

  /** The other names of the quantity with this id (empty when it has none). */
  public List<String> aliasesOf(String id) {
    List<String> out = new ArrayList<>();
    aliases.forEach((alias, target) -> {
      if (target.equals(id)) {
        out.add(alias);
      }
    });
    return out;
  }

  /**
   * The same graph with some quantities called by one of their aliases: each name in {@code
   * names} that is an alias becomes the id of the quantity it names (in every formula that uses
   * it), and the former id becomes an alias. Names that are ids already, or of no quantity, are
   * left alone.
   *
   * @throws IllegalArgumentException when two names given are aliases of one quantity
   */
  public QuantityGraph preferring(Collection<String> names) {
    Map<String, String> rename = new HashMap<>();
    for (String name : names) {
      String target = aliases.get(name);
      if (target == null) {
        continue;
      }
      String before = rename.put(target, name);
      if (before != null && !before.equals(name)) {
        throw new IllegalArgumentException(before + " and " + name + " are one quantity ("
            + target + "); call it by one name");
      }
    }
    if (rename.isEmpty()) {
      return this;
    }
    List<Quantity> renamed = new ArrayList<>(quantities.size());
    for (Quantity q : quantities) {
      List<Derivation> ds = new ArrayList<>();
      for (Derivation d : q.derivations()) {
        ds.add(new Derivation(
            d.parents().stream().map(p -> rename.getOrDefault(p, p)).toList(), d.formula()));
      }
      renamed.add(new Quantity(rename.getOrDefault(q.id(), q.id()), q.kind(), q.section(),
          q.layer(), q.description(), ds));
    }
    Map<String, String> moved = new LinkedHashMap<>();
    aliases.forEach((alias, target) -> {
      String id = rename.getOrDefault(target, target);
      moved.put(alias.equals(id) ? target : alias, id);
    });
    return new QuantityGraph(renamed, moved);
  }

  /**
   * The quantity with this id.
   *
   * @throws IllegalArgumentException naming the id when there is none
   */
  public Quantity quantity(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("no quantity named " + id));
  }

  /** Whether a quantity has this id or alias. */
  public boolean contains(String id) {
    return indexOf(id) >= 0;
  }

  /** The ids of the given values, in order. */
  public List<String> givenIds() {
    return givens;
  }

  /** The position in {@link #quantities()} of the quantity with this id or alias, or -1. */
  public int indexOf(String id) {
    // The same few string objects are looked up again and again (the parents named in the
    // derivations, the asked ids): found by identity, no characters are compared.
    Seen[] seen = this.seen;
    if (seen == null) {
      seen = new Seen[SEEN_SLOTS];
      this.seen = seen; // two threads may each make one: either serves
    }
    int h = System.identityHashCode(id);
    int slot = h & (SEEN_SLOTS - 1);
    for (int probe = 0; probe < SEEN_PROBES; probe++) {
      Seen e = seen[(slot + probe) & (SEEN_SLOTS - 1)];
      if (e == null) {
        break;
      }
      if (e.id == id) {
        return e.index;
      }
    }
    int found = lookUp(id);
    for (int probe = 0; probe < SEEN_PROBES; probe++) {
      int at = (slot + probe) & (SEEN_SLOTS - 1);
      if (seen[at] == null) {
        seen[at] = new Seen(id, found); // immutable: any thread sees it whole or not at all
        break;
      }
    }
    return found;
  }

  private int lookUp(String id) {
    Integer i = index.get(id);
    if (i == null) {
      String target = aliases.get(id);
      i = target == null ? null : index.get(target);
    }
    return i == null ? -1 : i;
  }

  /** A string object looked up before and its answer. */
  private record Seen(String id, int index) {}

  private static final int SEEN_SLOTS = 4096;
  private static final int SEEN_PROBES = 8;
  /** Open addressing by identity, made on first use; full slots stay, so it is bounded. */
  private Seen[] seen;

  /**
   * Where gradient descent takes the trained parameters from these given values, for each
   * number of updates the graph's quantities after training ask for, e.g. {@code {10000: {w1:
   * ..., w8: ...}}}; empty when the graph trains nothing. A problem set records it for every
   * variant, and {@link #rememberTraining} takes it back, so that grading does not train again.
   *
   * @throws IllegalArgumentException when a given value is missing
   */
  public SortedMap<Integer, Map<String, Double>> training(Map<String, Double> givens) {
    SortedMap<Integer, Map<String, Double>> out = new TreeMap<>();
    for (Trainer t : trainers) {
      out.put(t.steps(), t.parameters(givens));
    }
    return out;
  }

  /**
   * Takes the trained parameters {@link #training} gave for these given values, so that every
   * later evaluation from them (of this graph or of any graph made from it) uses them instead
   * of training. With {@code check}, each run is trained once first and nothing is taken unless
   * training gives the recorded values bit for bit: a record from another version of the
   * arithmetic, or edited by hand, is then found out.
   *
   * @return whether everything recorded was taken (false after a failed check)
   * @throws IllegalArgumentException when a given value is missing, or {@code trained} names
   *     another number of updates or other parameters than the graph trains
   */
  public boolean rememberTraining(Map<String, Double> givens,
      Map<Integer, Map<String, Double>> trained, boolean check) {
    // Every record is read before any is taken: a wrong one leaves the graph as it was.
    Map<Trainer, double[]> values = new IdentityHashMap<>();
    for (Trainer t : trainers) {
      Map<String, Double> named = trained.get(t.steps());
      if (named == null) {
        throw new IllegalArgumentException("no trained parameters recorded for " + t.steps()
            + " updates");
      }
      values.put(t, t.recorded(named));
    }
    for (Integer steps : trained.keySet()) {
      if (trainers.stream().noneMatch(t -> t.steps() == steps)) {
        throw new IllegalArgumentException("trained parameters recorded for " + steps
            + " updates; the graph trains for " + trainers.stream()
                .map(t -> String.valueOf(t.steps())).collect(Collectors.joining(", ")));
      }
    }
    boolean taken = true;
    for (Trainer t : trainers) {
      taken &= t.remember(givens, values.get(t), check);
    }
    return taken;
  }

  /**
   * Evaluates every quantity from the given values.
   *
   * @throws IllegalArgumentException when a given value is missing or an unknown one is passed,
   *     naming them and the valid ids
   */
  public Values evaluate(Map<String, Double> givenValues) {
    return deferring(checkedGivenArray(givenValues), null, null);
  }

  /**
   * The given values in the order of {@link #givenIds()}, checked as {@link #evaluate} checks
   * them.
   *
   * @throws IllegalArgumentException when a given value is missing or an unknown one is passed,
   *     naming them and the valid ids
   */
  public double[] checkedGivenArray(Map<String, Double> givenValues) {
    boolean allKnown = true;
    for (String id : givenValues.keySet()) {
      allKnown &= givenSet.contains(id);
    }
    if (!allKnown) {
      Set<String> unknown = new TreeSet<>(givenValues.keySet());
      givens.forEach(unknown::remove);
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException(
            "unknown parameter" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                + "; valid parameters: " + String.join(", ", givens));
      }
    }
    List<String> missing = new ArrayList<>();
    double[] g = new double[givens.size()];
    for (int i = 0; i < givens.size(); i++) {
      Double v = givenValues.get(givens.get(i));
      if (v == null) {
        missing.add(givens.get(i));
      } else {
        g[i] = v;
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("missing value for " + String.join(", ", missing));
    }
    return g;
  }

  /**
   * Evaluates the graph as a student who wrote some values would have continued: every
   * quantity in {@code pinned} takes the pinned value, every other one is computed from its
   * parents as they are in this world. The grader's follow-through reads this.
   */
  public Values evaluatePinned(Map<String, Double> givenValues, Map<String, Double> pinned) {
    double[] g = givenArray(givenValues);
    double[] pins = new double[quantities.size()];
    boolean[] isPinned = new boolean[quantities.size()];
    pinned.forEach((id, v) -> {
      int i = indexOf(id);
      if (i >= 0 && !quantities.get(i).isGiven()) {
        pins[i] = v;
        isPinned[i] = true;
      }
    });
    return deferring(g, isPinned, pins);
  }

  /**
   * The given values in the order of {@link #givenIds()}, as {@link #evaluatePinned} reads them
   * (other entries are ignored).
   *
   * @throws IllegalArgumentException naming the first given value that is missing
   */
  public double[] givenArray(Map<String, Double> givenValues) {
    double[] g = new double[givens.size()];
    for (int i = 0; i < givens.size(); i++) {
      Double v = givenValues.get(givens.get(i));
      if (v == null) {
        throw new IllegalArgumentException("missing value for " + givens.get(i));
      }
      g[i] = v;
    }
    return g;
  }

  /**
   * Evaluates every quantity but the {@link #deferred} ones (a pinned one takes its pin at
   * once), which the values compute on first use, from the same parents with the same
   * formulas: the same numbers as evaluating them now.
   */
  private Values deferring(double[] givenValues, boolean[] isPinned, double[] pins) {
    if (deferred == null) {
      return new Values(this, evaluate(givenValues, isPinned, pins,
          new double[quantities.size()][]));
    }
    double[] v = new double[quantities.size()];
    boolean[] pending = new boolean[v.length];
    int waiting = 0;
    int g = 0;
    for (int i = 0; i < v.length; i++) {
      Quantity q = quantities.get(i);
      if (q.isGiven()) {
        v[i] = givenValues[g++];
      } else if (isPinned != null && isPinned[i]) {
        v[i] = pins[i];
      } else if (deferred[i]) {
        v[i] = Double.NaN;
        pending[i] = true;
        waiting++;
      } else {
        int[] ps = parents[i];
        double[] args = new double[ps.length];
        for (int p = 0; p < ps.length; p++) {
          args[p] = v[ps[p]];
        }
        v[i] = q.primary().formula().apply(args);
      }
    }
    return waiting == 0 ? new Values(this, v) : new Values(this, v, deferred, pending, waiting);
  }

  /** The parents' positions of the quantity at {@code i}, in its formula's order. */
  int[] parentsAt(int i) {
    return parents[i];
  }

  /** Evaluates from given values in the order of {@link #givenIds()}. Hot path of training. */
  double[] evaluateArray(double[] givenValues) {
    return evaluate(givenValues, null, null, new double[quantities.size()][]);
  }

  /** A workspace for repeated evaluations by one thread (the argument arrays are reused). */
  double[][] workspace() {
    return new double[quantities.size()][];
  }

  /** Evaluates with a reusable workspace from {@link #workspace()}. */
  double[] evaluateArray(double[] givenValues, double[][] workspace) {
    return evaluate(givenValues, null, null, workspace);
  }

  /**
   * The positions, in evaluation order, of the computed quantities the given ones depend on:
   * what a training step needs to evaluate and nothing more.
   */
  int[] computedAncestors(List<String> ids) {
    return ancestorsOf(ids).stream().filter(q -> !q.isGiven()).mapToInt(q -> index.get(q.id()))
        .toArray();
  }

  /**
   * Evaluates only the computed quantities at {@code order} (from {@link #computedAncestors}),
   * writing into {@code values}, whose given slots the caller has filled. The hot loop of
   * training: no allocation.
   */
  void evaluateInto(double[] values, int[] order, double[][] workspace) {
    for (int i : order) {
      int[] ps = parents[i];
      double[] args = workspace[i];
      if (args == null) {
        args = new double[ps.length];
        workspace[i] = args;
      }
      for (int p = 0; p < ps.length; p++) {
        args[p] = values[ps[p]];
      }
      values[i] = quantities.get(i).primary().formula().apply(args);
    }
  }

  /** Position of each given value (in {@link #givenIds()} order) in the evaluation order. */
  int[] givenPositions() {
    int[] out = new int[givens.size()];
    for (int g = 0; g < out.length; g++) {
      out[g] = index.get(givens.get(g));
    }
    return out;
  }

  private double[] evaluate(double[] givenValues, boolean[] isPinned, double[] pins,
      double[][] scratch) {
    double[] v = new double[quantities.size()];
    int g = 0;
    for (int i = 0; i < v.length; i++) {
      Quantity q = quantities.get(i);
      if (q.isGiven()) {
        v[i] = givenValues[g++];
      } else if (isPinned != null && isPinned[i]) {
        v[i] = pins[i];
      } else {
        int[] ps = parents[i];
        double[] args = scratch[i];
        if (args == null) {
          args = new double[ps.length];
          scratch[i] = args;
        }
        for (int p = 0; p < ps.length; p++) {
          args[p] = v[ps[p]];
        }
        v[i] = q.primary().formula().apply(args);
      }
    }
    return v;
  }

  /**
   * The graph with some quantities computed differently: {@code mutation} is applied to every
   * quantity and may return it unchanged or with other derivations (and so other parents).
   */
  public QuantityGraph mutate(UnaryOperator<Quantity> mutation) {
    List<Quantity> changed = new ArrayList<>(quantities.size());
    for (Quantity q : quantities) {
      changed.add(mutation.apply(q));
    }
    return of(changed, aliases);
  }

  /**
   * Computes one quantity through one of its derivations from the parent values the caller
   * chooses: the grader passes a student's own values where the student gave them.
   */
  public static double recompute(Derivation derivation, ToDoubleFunction<String> parentValue) {
    List<String> ps = derivation.parents();
    double[] args = new double[ps.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = parentValue.applyAsDouble(ps.get(i));
    }
    return derivation.formula().apply(args);
  }

  /**
   * The given ids and every computed quantity needed for the requested ones, in graph order.
   */
  public List<Quantity> ancestorsOf(Collection<String> ids) {
    boolean[] needed = new boolean[quantities.size()];
    Deque<Integer> todo = new ArrayDeque<>();
    for (String id : ids) {
      todo.push(indexOf(quantity(id).id()));
    }
    while (!todo.isEmpty()) {
      int i = todo.pop();
      if (needed[i]) {
        continue;
      }
      needed[i] = true;
      for (int p : parents[i]) {
        todo.push(p);
      }
    }
    List<Quantity> out = new ArrayList<>();
    for (int i = 0; i < needed.length; i++) {
      if (needed[i]) {
        out.add(quantities.get(i));
      }
    }
    return out;
  }
}
