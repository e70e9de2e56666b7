package org.nngrader.bank.symbolic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.nngrader.bank.expr.Expr;
import org.nngrader.bank.expr.ExprParser;
import org.nngrader.bank.expr.ExprSyntaxException;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.template.SymbolicSpec;
import org.nngrader.bank.template.Template;

/**
 * The quantities of a symbolic exercise's own network as a student may name them in an
 * expression answer, each with its definition: the givens as their numbers, a net input or
 * output with a number as that number, an output of an abstract activation as {@code f(-4.2)}
 * or {@code g(z_out)}, a loss that is not abstract as its formula ({@code 1/2*(0.8 - y)^2}).
 * Naming {@code h1} in an answer is writing its definition; {@link #substitute} does that
 * before the answer is compared. The quantities that have no definition (a given no answer uses,
 * a loss left abstract) are listed with the reason, so that a student who names one is told
 * why rather than that the name is unknown.
 *
 * <p>Keys are the names in the expression language's normal form (as {@link ExprParser} reads
 * them). Immutable.
 *
 * @param definitions name to definition, in graph order
 * @param withoutValue name to why it has no definition
 */
public record NetworkTerms(Map<String, Expr> definitions, Map<String, String> withoutValue) {

  public NetworkTerms {
    definitions = Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
    withoutValue = Collections.unmodifiableMap(new LinkedHashMap<>(withoutValue));
  }

  /**
   * The terms of a symbolic template at the solver's values.
   *
   * @param base the template's graph evaluated as {@link SymbolicSolver} evaluates it
   * @param exercise the exercise's given values
   * @param symbols the free symbols an answer may use; they stand for themselves
   */
  static NetworkTerms of(Template template, Values base, Map<String, Double> exercise,
      java.util.Set<String> symbols) {
    SymbolicSpec spec = template.symbolic();
    Notation n = template.notation();
    Network net = n.network();
    Map<String, Expr> defs = new LinkedHashMap<>();
    Map<String, String> none = new LinkedHashMap<>();
    exercise.forEach((id, value) -> name(id).ifPresent(k -> defs.put(k, number(value))));
    for (String id : spec.unusedGivens(n)) {
      name(id).ifPresent(k -> none.put(k, "no answer depends on it, so the exercise gives it no"
          + " value"));
    }
    int last = net.depth() - 1;
    List<Expr> outputs = new ArrayList<>();
    for (int l = 1; l <= last; l++) {
      for (int j = 0; j < net.size(l); j++) {
        String netId = n.net(l, j, 0);
        Expr netExpr = spec.numericNet(l) ? number(base.get(netId)) : symbol(netId);
        if (spec.numericNet(l)) {
          name(netId).ifPresent(k -> defs.put(k, netExpr));
        }
        String outId = n.out(l, j, 0);
        Expr outExpr = spec.numericOut(l) ? number(base.get(outId))
            : spec.activation(l).map(f -> (Expr) new Expr.Call(f, netExpr))
                .orElse(activation(net.activation(l), netExpr));
        if (outExpr != null && !symbols.contains(outId)) {
          name(outId).ifPresent(k -> defs.put(k, outExpr));
        }
        if (l == last) {
          outputs.add(outExpr);
        }
      }
    }
    List<String> errors = new ArrayList<>();
    for (int j = 0; j < net.outputs(); j++) {
      errors.add(net.outputs() == 1 ? n.total(0) : n.error(j, 0));
    }
    if (spec.abstractLoss()) {
      String why = "the loss is left abstract; write its derivative with the symbols it has";
      for (String e : errors) {
        name(e).ifPresent(k -> none.put(k, why));
      }
      name(n.total()).ifPresent(k -> none.put(k, why));
    } else {
      StringBuilder total = new StringBuilder();
      for (int j = 0; j < net.outputs(); j++) {
        String target = n.target(j, 0);
        String t = exercise.containsKey(target) ? "(" + number(exercise.get(target)) + ")"
            : target;
        Expr out = outputs.get(j);
        String error = out == null ? null
            : net.loss().errorFormula(t, "(" + out + ")", net.outputs());
        Optional<Expr> parsed = error == null ? Optional.empty() : parse(error);
        if (parsed.isPresent()) {
          name(errors.get(j)).ifPresent(k -> defs.put(k, parsed.get()));
          total.append(total.length() == 0 ? "" : " + ").append('(').append(parsed.get()).append(')');
        } else {
          total = null;
          break;
        }
      }
      if (total != null && net.outputs() > 1) {
        StringBuilder sum = total;
        parse(sum.toString()).ifPresent(e -> name(n.total()).ifPresent(k -> defs.put(k, e)));
      }
    }
    symbols.forEach(defs::remove);
    return new NetworkTerms(defs, none);
  }

  /** The expression with every named quantity replaced by its definition. */
  public Expr substitute(Expr e) {
    if (e instanceof Expr.Symbol s) {
      Expr d = definitions.get(s.name());
      return d == null ? e : d;
    }
    if (e instanceof Expr.Negation neg) {
      return new Expr.Negation(substitute(neg.operand()));
    }
    if (e instanceof Expr.Binary b) {
      return new Expr.Binary(b.operator(), substitute(b.left()), substitute(b.right()));
    }
    if (e instanceof Expr.Call c) {
      return new Expr.Call(c.function(), substitute(c.argument()));
    }
    return e;
  }

  /** The quantities an expression names that have a definition, sorted. */
  public SortedSet<String> named(Expr e) {
    SortedSet<String> out = new TreeSet<>(e.symbols());
    out.retainAll(definitions.keySet());
    return out;
  }

  /** Every name of the network's quantities, those without a definition too, sorted. */
  public SortedSet<String> names() {
    SortedSet<String> out = new TreeSet<>(definitions.keySet());
    out.addAll(withoutValue.keySet());
    return out;
  }

  /** A concrete activation of a net input that stays a symbol, or null when none is written. */
  private static Expr activation(Activation a, Expr net) {
    return switch (a.kind()) {
      case SIGMOID -> new Expr.Call("sigmoid", net);
      case TANH -> new Expr.Call("tanh", net);
      case EXP -> new Expr.Call("exp", net);
      case LINEAR -> net;
      default -> null;
    };
  }

  private static Expr number(double x) {
    return Polynomial.number(x, SymbolicSolver.SIGNIFICANT_DIGITS);
  }

  private static Expr symbol(String id) {
    return name(id).<Expr>map(Expr.Symbol::new).orElse(null);
  }

  /** The normal form of a quantity's name in the expression language, if it is a name there. */
  private static Optional<String> name(String id) {
    return parse(id).filter(e -> e instanceof Expr.Symbol).map(e -> ((Expr.Symbol) e).name());
  }

  private static Optional<Expr> parse(String text) {
    try {
      return Optional.of(ExprParser.parse(text));
    } catch (ExprSyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
