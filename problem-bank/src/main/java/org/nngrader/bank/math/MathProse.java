package org.nngrader.bank.math;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.template.Template;

/**
 * Sentences with the formulas in them rendered as MathML: the descriptions of templates and
 * quantities, questions, feedback and notes are written in plain text for csv, json and the
 * terminal ({@code check out_o1*(1 - out_o1)}, {@code w7 * h1 + w8 * h2 + b3}, {@code
 * dE_o1/dnet_o1}); a page shows each formula in them as inline {@code <math>} and the words
 * around it as text.
 *
 * <p>A formula is a run of the exercise's own names (quantity ids, neuron names, functions left
 * abstract; {@code dA/dB} of two names; {@code e^}), numbers, operators and balanced
 * parentheses that holds at least one name; words that are not names end it, so English stays
 * text ({@code a}, {@code sum of}, {@code leaky_relu}). A run this reader cannot parse stays
 * text. Stateless and thread-safe.
 */
public final class MathProse {

  private static final Pattern NAME =
      Pattern.compile("[A-Za-z][A-Za-z0-9_]*(?:\\^\\[[A-Za-z0-9+-]+\\])?");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?"
      + "|\\.[0-9]+");
  private static final Set<String> FUNCTIONS =
      Set.of("exp", "ln", "log", "max", "min", "tanh", "sigmoid", "sigma", "relu", "softmax");

  /** GENERIC: a generic name ({@code out}, {@code target}), a formula only with an operator. */
  private enum Kind { NAME, GENERIC, NUMBER, OPERATOR, OPEN, CLOSE, COMMA, SPACE, WORD, OTHER }

  private record Token(Kind kind, String text) {}

  private MathProse() {}

  /**
   * The names a template's sentences may use: every quantity id (without example suffix,
   * update mark or training count), every neuron name and the functions a symbolic exercise
   * leaves abstract.
   */
  public static Set<String> names(Template template) {
    synchronized (NAMES) {
      Set<String> known = NAMES.get(template);
      if (known == null) {
        if (NAMES.size() >= 64) {
          NAMES.clear();
        }
        known = namesOf(template);
        NAMES.put(template, known);
      }
      return known;
    }
  }

  /** The names of the templates asked for last, by identity (a template is immutable). */
  private static final Map<Template, Set<String>> NAMES = new java.util.IdentityHashMap<>();

  private static Set<String> namesOf(Template template) {
    Set<String> names = new TreeSet<>();
    for (Quantity q : template.graph().quantities()) {
      add(names, q.id());
    }
    template.graph().aliases().keySet().forEach(a -> add(names, a));
    template.givenIds().forEach(g -> add(names, g));
    Network net = template.network();
    Notation n = template.notation();
    for (int l = 1; l < net.depth(); l++) {
      for (int j = 0; j < net.size(l); j++) {
        names.add(n.neuron(l, j));
      }
    }
    names.add(n.rate());
    if (template.symbolic() != null) {
      names.addAll(template.symbolic().functions());
      template.symbolic().symbols(n).forEach(s -> add(names, s));
    }
    return Collections.unmodifiableSet(names);
  }

  private static void add(Set<String> names, String id) {
    String s = id;
    int hash = s.indexOf('#');
    s = hash < 0 ? s : s.substring(0, hash);
    if (s.startsWith("d") && s.contains("/d")) {
      return; // a derivative: its two names are added on their own
    }
    int at = s.lastIndexOf('@');
    s = at > 0 ? s.substring(0, at) : s;
    s = s.endsWith("+") ? s.substring(0, s.length() - 1) : s;
    if (!s.isEmpty()) {
      names.add(s);
    }
  }

  /** A sentence as HTML: its formulas as inline MathML, everything else escaped text. */
  public static String html(String text, Set<String> names) {
    return html(text, names, Set.of());
  }

  /**
   * A sentence as HTML, which also writes formulas in generic names (the misconception
   * catalogue's {@code 1/2 (target - out)^2}, {@code dE/dout}): a generic name is math in a
   * derivative or next to an operator, and a word elsewhere ("left out").
   */
  public static String html(String text, Set<String> names, Set<String> generic) {
    if (text == null) {
      return "";
    }
    // A pure function of its arguments, and a class's reports repeat most of their sentences.
    return HTML.get(List.of(text, names, generic), k -> render(text, names, generic));
  }

  private static final Memo<List<Object>, String> HTML = new Memo<>(16_384);

  private static String render(String text, Set<String> names, Set<String> generic) {
    List<Token> tokens = tokens(text, names, generic);
    StringBuilder out = new StringBuilder(text.length() * 2);
    int i = 0;
    while (i < tokens.size()) {
      if (!formulaPart(tokens.get(i).kind())) {
        out.append(MathMl.escape(tokens.get(i).text()).replace("'", "&#39;"));
        i++;
        continue;
      }
      int end = i;
      while (end < tokens.size() && formulaPart(tokens.get(end).kind())) {
        end++;
      }
      render(tokens.subList(i, end), out);
      i = end;
    }
    return keptWithItsPunctuation(out);
  }

  private static final Pattern MATH_AND_NEIGHBOURS =
      Pattern.compile("([^\\s<>]*)(<math>.*?</math>)([^\\s<]*)");

  /**
   * A formula with the text written against it ({@code (}, {@code ).}, {@code 's}) in one
   * unbreakable span: a browser may break a line on either side of a {@code <math>} element,
   * which would start a line with the closing parenthesis.
   */
  private static String keptWithItsPunctuation(CharSequence html) {
    Matcher m = MATH_AND_NEIGHBOURS.matcher(html);
    StringBuilder out = new StringBuilder(html.length() + 64);
    while (m.find()) {
      if (m.group(1).isEmpty() && m.group(3).isEmpty()) {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
      } else {
        m.appendReplacement(out, Matcher.quoteReplacement(
            "<span style=\"white-space:nowrap\">" + m.group() + "</span>"));
      }
    }
    m.appendTail(out);
    return out.toString();
  }

  private static boolean formulaPart(Kind k) {
    return k != Kind.WORD && k != Kind.OTHER;
  }

  /** A run of tokens that may hold formulas: each formula in it rendered, the rest as text. */
  private static void render(List<Token> run, StringBuilder out) {
    // Commas outside parentheses separate formulas (h1, h2); parentheses must pair up.
    int depth = 0;
    for (int k = 0; k < run.size(); k++) {
      Kind kind = run.get(k).kind();
      if (kind == Kind.OPEN) {
        depth++;
      } else if (kind == Kind.CLOSE && depth == 0 || kind == Kind.COMMA && depth == 0) {
        render(run.subList(0, k), out);
        out.append(MathMl.escape(run.get(k).text()));
        render(run.subList(k + 1, run.size()), out);
        return;
      } else if (kind == Kind.CLOSE) {
        depth--;
      }
    }
    if (depth > 0) {
      // A parenthesis left open is text; what is on either side of it may be a formula.
      int open = 0;
      int d = 0;
      for (int k = run.size() - 1; k >= 0; k--) {
        Kind kind = run.get(k).kind();
        d += kind == Kind.CLOSE ? 1 : kind == Kind.OPEN ? -1 : 0;
        if (d < 0) {
          open = k;
          break;
        }
      }
      render(run.subList(0, open), out);
      out.append(MathMl.escape(run.get(open).text()));
      render(run.subList(open + 1, run.size()), out);
      return;
    }
    int from = 0;
    int to = run.size();
    while (from < to && leadingText(run, from, to)) {
      from++;
    }
    while (to > from && trailingText(run.get(to - 1).kind())) {
      to--;
    }
    if (to - from > 2 && run.get(from).kind() == Kind.OPEN && run.get(to - 1).kind() == Kind.CLOSE
        && enclosing(run.subList(from, to))) {
      from++; // parentheses of the sentence around a formula: "(w+)" is "(" w+ ")"
      to--;
    }
    List<Token> span = run.subList(from, to);
    String formula = text(span);
    boolean named = span.stream().anyMatch(t -> t.kind() == Kind.NAME
            || t.kind() == Kind.GENERIC && t.text().endsWith("+"))
        || span.stream().anyMatch(t -> t.kind() == Kind.GENERIC)
        && span.stream().anyMatch(t -> t.kind() == Kind.OPERATOR);
    String math = named ? MathMl.inlineIfFormula(formula) : null;
    out.append(MathMl.escape(text(run.subList(0, from))));
    out.append(math == null ? MathMl.escape(formula) : math);
    out.append(MathMl.escape(text(run.subList(to, run.size()))));
  }

  /** Whether the first token's parenthesis closes at the last token. */
  private static boolean enclosing(List<Token> span) {
    int depth = 0;
    for (int k = 0; k < span.size(); k++) {
      Kind kind = span.get(k).kind();
      depth += kind == Kind.OPEN ? 1 : kind == Kind.CLOSE ? -1 : 0;
      if (depth == 0) {
        return k == span.size() - 1;
      }
    }
    return false;
  }

  /** Spaces, and operators other than a minus sign written against what it negates. */
  private static boolean leadingText(List<Token> run, int k, int to) {
    Token t = run.get(k);
    if (t.kind() == Kind.SPACE) {
      return true;
    }
    if (t.kind() == Kind.OPERATOR) {
      boolean minus = t.text().equals("-") || t.text().equals("\u2212");
      return !(minus && k + 1 < to && run.get(k + 1).kind() != Kind.SPACE);
    }
    return false;
  }

  private static boolean trailingText(Kind k) {
    return k == Kind.SPACE || k == Kind.OPERATOR || k == Kind.COMMA;
  }

  private static String text(List<Token> tokens) {
    StringBuilder b = new StringBuilder();
    tokens.forEach(t -> b.append(t.text()));
    return b.toString();
  }

  private static List<Token> tokens(String s, Set<String> strong, Set<String> generic) {
    Set<String> names = new java.util.HashSet<>(strong);
    names.addAll(generic);
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int end = i + 1;
      Kind kind;
      if (Character.isWhitespace(c)) {
        while (end < s.length() && Character.isWhitespace(s.charAt(end))) {
          end++;
        }
        kind = Kind.SPACE;
      } else if (Character.isDigit(c) || c == '.' && i + 1 < s.length()
          && Character.isDigit(s.charAt(i + 1))) {
        Matcher m = NUMBER.matcher(s).region(i, s.length());
        end = m.lookingAt() ? m.end() : end;
        kind = Kind.NUMBER;
      } else if (s.startsWith("...", i)) {
        end = i + 3; // an ellipsis, a formula's "+ ..." (no name of its own, like a number)
        kind = Kind.NUMBER;
      } else if (Character.isLetter(c)) {
        Matcher m = NAME.matcher(s).region(i, s.length());
        m.lookingAt();
        end = m.end();
        String word = m.group();
        kind = Kind.WORD;
        Matcher den = NAME.matcher(s).region(Math.min(end + 1, s.length()), s.length());
        boolean prime = s.startsWith("'", end) && names.contains(word + "'")
            && (end + 1 == s.length() || !Character.isLetter(s.charAt(end + 1)));
        int close = word.equals("d") && s.startsWith("(", end) ? closing(s, end) : -1;
        Matcher by = close < 0 ? null
            : NAME.matcher(s).region(Math.min(close + 3, s.length()), s.length());
        if (word.length() > 1 && word.charAt(0) == 'd' && s.startsWith("/d", end)
            && den.lookingAt() && known(word.substring(1), names, generic)
            && known(den.group().substring(1), names, generic)) {
          end = den.end(); // dA/dB
          kind = Kind.NAME;
        } else if (close > 0 && s.startsWith("/d", close + 1) && by.lookingAt()
            && known(by.group(), names, generic)) {
          end = by.end(); // d(expression)/dB
          kind = Kind.NAME;
        } else if (prime) {
          end++; // f' or f'(x)
          kind = Kind.NAME;
        } else if (known(word, names, generic) || word.contains("^[")
            || word.equals("e") && s.startsWith("^", end)
            || FUNCTIONS.contains(word) && s.startsWith("(", end)) {
          end = suffixEnd(s, end, known(word, names, generic));
          kind = strong.contains(word) || !known(word, Set.of(), generic) ? Kind.NAME
              : Kind.GENERIC;
        }
      } else if ("+-*/^=<>\u2212".indexOf(c) >= 0) {
        kind = Kind.OPERATOR;
      } else if (c == '(') {
        kind = Kind.OPEN;
      } else if (c == ')') {
        kind = Kind.CLOSE;
      } else if (c == ',') {
        kind = Kind.COMMA;
      } else {
        kind = Kind.OTHER;
      }
      out.add(new Token(kind, s.substring(i, end)));
      i = end;
    }
    // A generic name with no operator or parenthesis beside it is a word ("the target y is
    // unknown"), even next to a name of the exercise.
    for (int k = 0; k < out.size(); k++) {
      Token t = out.get(k);
      if (t.kind() == Kind.GENERIC && !t.text().endsWith("+")
          && !operand(neighbour(out, k, -1)) && !operand(neighbour(out, k, 1))) {
        out.set(k, new Token(Kind.WORD, t.text()));
      }
    }
    return out;
  }

  private static Kind neighbour(List<Token> tokens, int k, int step) {
    for (int j = k + step; j >= 0 && j < tokens.size(); j += step) {
      if (tokens.get(j).kind() != Kind.SPACE) {
        return tokens.get(j).kind();
      }
    }
    return Kind.SPACE;
  }

  private static boolean operand(Kind k) {
    return k == Kind.OPERATOR || k == Kind.OPEN || k == Kind.CLOSE;
  }

  /**
   * Whether a word is a name: one of {@code names}, or a generic name with a subscript ({@code
   * E_o1}, {@code out_h} for the output of a hidden neuron).
   */
  private static boolean known(String word, Set<String> names, Set<String> generic) {
    int u = word.indexOf('_');
    return names.contains(word) || generic.contains(word)
        || u > 0 && u < word.length() - 1 && generic.contains(word.substring(0, u));
  }

  /** The index of the parenthesis that closes the one at {@code open}, or -1. */
  private static int closing(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      } else if (c == '.' && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
        return -1; // not past the end of a sentence
      }
    }
    return -1;
  }

  /**
   * Where a name ends with what the graph writes after one: a training count ({@code @10000})
   * or an update mark ({@code w5+}, when no operand follows, so it is not a sum).
   */
  private static int suffixEnd(String s, int end, boolean known) {
    int j = end;
    if (!known) {
      return j;
    }
    if (j + 1 < s.length() && s.charAt(j) == '@' && Character.isDigit(s.charAt(j + 1))) {
      j++;
      while (j < s.length() && Character.isDigit(s.charAt(j))) {
        j++;
      }
    }
    if (j < s.length() && s.charAt(j) == '+') {
      int k = j + 1;
      while (k < s.length() && s.charAt(k) == ' ') {
        k++;
      }
      if (k == s.length() || !Character.isLetterOrDigit(s.charAt(k)) && s.charAt(k) != '(') {
        j++;
      }
    }
    return j;
  }
}
