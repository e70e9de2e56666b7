package org.nngrader.bank.math;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
    // Sorted, and looked up by hash: sentences look up every word they hold.
    return Collections.unmodifiableSet(new LinkedHashSet<>(names));
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
    Sentence sentence = new Sentence(text, names, generic);
    String known = HTML.known(sentence);
    if (known != null) {
      return known;
    }
    Shape shape = Shape.of(text);
    if (shape == null) {
      return HTML.get(sentence, k -> render(text, names, generic));
    }
    // Feedback quotes the student's own numbers: sentences that differ only by them are
    // rendered once, with stand-ins, and filled in.
    return SHAPES.get(new Sentence(shape.text(), names, generic),
        k -> Filling.of(text, shape, names, generic)).fill(text, names, generic, shape);
  }

  private static final Memo<Sentence, String> HTML = new Memo<>(16_384);
  private static final Memo<Sentence, Filling> SHAPES = new Memo<>(16_384);

  /**
   * A sentence with each of its plain numbers ({@code 0.5933}, {@code 12}, {@code .5}; not
   * {@code 1e-3}, which is drawn as a power of ten) replaced by a stand-in: a run of digits
   * that no sentence holds, in the same form (digits before a point, after it, or both).
   * Reading and rendering look only at a plain number's form and at the characters around it,
   * which stay as they were (not at its digits, except an exponent's, which are left as they
   * are written); so a sentence renders as its shape does
   * with each stand-in replaced by its number. A property test holds this to the direct
   * rendering.
   *
   * <p>The numbers are found by a scan of the characters, cheaper than reading the sentence's
   * tokens; the first sentence of each shape is read in full to confirm that the scan found
   * exactly its plain numbers (a digit inside a name such as {@code E_total@10000} is not one),
   * and a shape where it did not is rendered sentence by sentence.
   *
   * @param numbers the replaced numbers, in order
   * @param starts where each starts in the sentence
   * @param whole for each, whether it has digits before its point (or no point)
   * @param fraction for each, whether it has a point and digits after it
   */
  private record Shape(String text, List<String> numbers, int[] starts, boolean[] whole,
      boolean[] fraction) {

    /** Marks a stand-in: digits that a sentence holding them is not shaped for. */
    private static final String OPEN = "97531";
    private static final String CLOSE = "86420";
    private static final int MAX = 1000;

    /** The shape of a sentence, or null when it has no plain number (or holds the mark). */
    static Shape of(String text) {
      StringBuilder shape = null;
      List<String> numbers = null;
      int[] starts = new int[8];
      boolean[] whole = new boolean[8];
      boolean[] fraction = new boolean[8];
      int copied = 0;
      int n = text.length();
      int i = 0;
      while (i < n) {
        char c = text.charAt(i);
        boolean digit = asciiDigit(c);
        if (!digit && !(c == '.' && i + 1 < n && asciiDigit(text.charAt(i + 1)))
            || digit && i > 0 && inName(text, i - 1)) {
          i++;
          continue;
        }
        int end = numberEnd(text, i);
        int k = numbers == null ? 0 : numbers.size();
        int point = plainNumber(text, i, end);
        if (point < -1 || k == MAX || nextToExponent(text, i, end)) {
          i = end; // a power of ten stays as it is written
          continue;
        }
        if (shape == null) {
          if (text.contains(OPEN)) {
            return null;
          }
          shape = new StringBuilder(n + 32);
          numbers = new ArrayList<>();
        }
        if (k == whole.length) {
          starts = java.util.Arrays.copyOf(starts, 2 * k);
          whole = java.util.Arrays.copyOf(whole, 2 * k);
          fraction = java.util.Arrays.copyOf(fraction, 2 * k);
        }
        starts[k] = i;
        whole[k] = point != i;
        fraction[k] = point >= 0;
        numbers.add(text.substring(i, end));
        shape.append(text, copied, i).append(standIn(k, whole[k], fraction[k]));
        copied = end;
        i = end;
      }
      if (shape == null) {
        return null;
      }
      shape.append(text, copied, n);
      return new Shape(shape.toString(), numbers, starts, whole, fraction);
    }

    /**
     * Whether the number {@code text[from, to)} is written against an {@code e}: a formula
     * reads {@code .5E-05} as one number, a power of ten whose exponent it writes without its
     * leading zeros, where a sentence reads {@code .5}, a word and {@code 05}; such numbers
     * stay as they are written.
     */
    private static boolean nextToExponent(String text, int from, int to) {
      if (to < text.length() && (text.charAt(to) == 'e' || text.charAt(to) == 'E')) {
        return true;
      }
      int before = from - 1;
      if (before >= 0 && (text.charAt(before) == '+' || text.charAt(before) == '-')) {
        before--;
      }
      return before >= 0 && (text.charAt(before) == 'e' || text.charAt(before) == 'E');
    }

    /**
     * Whether the character at {@code i} belongs to a name or word that a digit after it
     * continues: a letter, digit or underscore, or a training count's {@code @} after one.
     */
    private static boolean inName(String text, int i) {
      char c = text.charAt(i);
      if (c == '@') {
        return i > 0 && inName(text, i - 1);
      }
      return asciiLetter(c) || asciiDigit(c) || c == '_' || c == '[';
    }

    /**
     * Where the point of the plain number {@code text[from, to)} is (-1 when it has none), or
     * -2 when it is not one: ASCII digits with at most one point that has a digit after it.
     */
    private static int plainNumber(String text, int from, int to) {
      int point = -1;
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (c == '.' && point < 0 && i + 1 < to) {
          point = i;
        } else if (c < '0' || c > '9') {
          return -2;
        }
      }
      return to > from ? point : -2;
    }

    static String standIn(int k, boolean whole, boolean fraction) {
      String mark = OPEN + (char) ('0' + k / 100) + (char) ('0' + k / 10 % 10)
          + (char) ('0' + k % 10) + CLOSE;
      return whole ? (fraction ? mark + ".1" : mark) : "." + mark;
    }

    /** Whether the sentence's plain-number tokens are exactly the numbers this shape replaced. */
    boolean readAs(List<Token> tokens) {
      int k = 0;
      int at = 0;
      for (Token t : tokens) {
        String s = t.text();
        if (t.kind() == Kind.NUMBER && k < MAX && plainNumber(s, 0, s.length()) >= -1) {
          if (k == numbers.size() || starts[k] != at || !numbers.get(k).equals(s)) {
            return false;
          }
          k++;
        }
        at += s.length();
      }
      return k == numbers.size();
    }
  }

  /**
   * A rendered shape cut at its stand-ins: {@code parts[0]}, number {@code slots[0]}, {@code
   * parts[1]}, ... Null parts: the shape is not filled and each of its sentences is rendered
   * itself (its first sentence was not read as the scan found it, or a stand-in did not come
   * out whole, which rendering does not do to a plain number away from an exponent).
   */
  private record Filling(String[] parts, int[] slots) {

    private static final Filling RENDERED = new Filling(null, null);

    static Filling of(String text, Shape shape, Set<String> names, Set<String> generic) {
      if (!shape.readAs(tokens(text, names, generic))) {
        return RENDERED;
      }
      String html = render(shape.text(), names, generic);
      List<String> parts = new ArrayList<>();
      List<Integer> slots = new ArrayList<>();
      int copied = 0;
      while (true) {
        int mark = html.indexOf(Shape.OPEN, copied);
        if (mark < 0) {
          break;
        }
        int k = slot(html, mark, shape);
        if (k < 0) {
          return RENDERED;
        }
        String standIn = Shape.standIn(k, shape.whole()[k], shape.fraction()[k]);
        int start = shape.whole()[k] ? mark : mark - 1;
        if (start < copied || !html.startsWith(standIn, start)) {
          return RENDERED;
        }
        parts.add(html.substring(copied, start));
        slots.add(k);
        copied = start + standIn.length();
      }
      parts.add(html.substring(copied));
      return new Filling(parts.toArray(String[]::new),
          slots.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The number whose mark starts at {@code mark}, or -1 when no whole mark does. */
    private static int slot(String html, int mark, Shape shape) {
      int digits = mark + Shape.OPEN.length();
      if (!html.startsWith(Shape.CLOSE, digits + 3)) {
        return -1;
      }
      int k = 0;
      for (int i = digits; i < digits + 3; i++) {
        char c = html.charAt(i);
        if (c < '0' || c > '9') {
          return -1;
        }
        k = 10 * k + (c - '0');
      }
      return k < shape.numbers().size() ? k : -1;
    }

    String fill(String text, Set<String> names, Set<String> generic, Shape shape) {
      if (parts == null) {
        return render(text, names, generic);
      }
      int length = 0;
      for (String p : parts) {
        length += p.length();
      }
      StringBuilder out = new StringBuilder(length + 16 * slots.length);
      out.append(parts[0]);
      for (int i = 0; i < slots.length; i++) {
        out.append(shape.numbers().get(slots[i])).append(parts[i + 1]);
      }
      return out.toString();
    }
  }

  /**
   * A sentence with the name sets it is read with, the sets compared by identity: they are a
   * template's constants ({@link #names(Template)}, a catalogue's generic names), and hashing
   * every name of them at every look-up cost more than rendering most sentences. Equal sets
   * that are not the same object only render a sentence once more.
   */
  private record Sentence(String text, Set<String> names, Set<String> generic) {

    @Override
    public boolean equals(Object o) {
      return o instanceof Sentence k && k.text.equals(text) && k.names == names
          && k.generic == generic;
    }

    @Override
    public int hashCode() {
      return (text.hashCode() * 31 + System.identityHashCode(names)) * 31
          + System.identityHashCode(generic);
    }
  }

  /**
   * The HTML of each formula a sentence holds (its MathML, or its escaped text when it does
   * not parse): feedback that differs by a value quotes the same step ids.
   */
  private static final Memo<String, String> FORMULA = new Memo<>(8192);

  /** A sentence as HTML, rendered rather than filled in: what {@link #html} returns. */
  static String render(String text, Set<String> names, Set<String> generic) {
    return render(tokens(text, names, generic));
  }

  private static String render(List<Token> tokens) {
    int size = 0;
    for (Token t : tokens) {
      size += t.text().length();
    }
    StringBuilder out = new StringBuilder(size * 2);
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
    return keptWithItsPunctuation(out.toString());
  }

  private static final String KEEP = "<span style=\"white-space:nowrap\">";

  /**
   * A formula with the text written against it ({@code (}, {@code ).}, {@code 's}) in one
   * unbreakable span: a browser may break a line on either side of a {@code <math>} element,
   * which would start a line with the closing parenthesis.
   *
   * <p>One pass over the text that finds what the regex {@code
   * ([^\s<>]*)(<math>.*?</math>)([^\s<]*)} finds (leftmost matches that do not overlap; no
   * line break inside the element): the text before a {@code <math>} up to a space or an angle
   * bracket, the element, and the text after it up to a space or a {@code <}. A match with text
   * on neither side is left as it is.
   */
  static String keptWithItsPunctuation(String html) {
    int n = html.length();
    StringBuilder out = new StringBuilder(n + 64);
    int copied = 0;
    int from = 0;
    while (from < n) {
      int open = from;
      while (open < n && !neighbourEnd(html.charAt(open), true)) {
        open++;
      }
      int close = html.startsWith("<math>", open) ? closingMath(html, open + 6) : -1;
      if (close < 0) {
        from = open + 1; // a match starting anywhere up to here would stop at the same place
        continue;
      }
      int end = close + "</math>".length();
      int after = end;
      while (after < n && !neighbourEnd(html.charAt(after), false)) {
        after++;
      }
      out.append(html, copied, from);
      boolean kept = open > from || after > end;
      if (kept) {
        out.append(KEEP);
      }
      out.append(html, from, after);
      if (kept) {
        out.append("</span>");
      }
      copied = after;
      from = after;
    }
    return out.append(html, copied, n).toString();
  }

  /**
   * Whether a character ends the text written against a formula: white space ({@code \s}:
   * space, tab, line feed, vertical tab, form feed, carriage return), {@code <} and, before the
   * formula, {@code >}.
   */
  private static boolean neighbourEnd(char c, boolean before) {
    return c == ' ' || c >= '\t' && c <= '\r' || c == '<' || before && c == '>';
  }

  /**
   * Where the {@code </math>} that ends an element whose content starts at {@code from} begins,
   * or -1 when there is none before a line terminator (which a regex's {@code .} does not
   * match) or the end.
   */
  private static int closingMath(String s, int from) {
    int close = s.indexOf("</math>", from);
    for (int i = from; i < close; i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return -1;
      }
    }
    return close;
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
    out.append(MathMl.escape(text(run.subList(0, from))));
    out.append(named ? FORMULA.get(formula, MathProse::formulaHtml) : MathMl.escape(formula));
    out.append(MathMl.escape(text(run.subList(to, run.size()))));
  }

  private static String formulaHtml(String formula) {
    String math = MathMl.inlineIfFormula(formula);
    return math == null ? MathMl.escape(formula) : math;
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
        end = Math.max(end, numberEnd(s, i)); // a digit beyond ASCII is a number of its own
        kind = Kind.NUMBER;
      } else if (s.startsWith("...", i)) {
        end = i + 3; // an ellipsis, a formula's "+ ..." (no name of its own, like a number)
        kind = Kind.NUMBER;
      } else if (Character.isLetter(c)) {
        kind = Kind.WORD;
        end = Math.max(end, nameEnd(s, i)); // a letter beyond ASCII is a word of its own
        String word = s.substring(i, end);
        String primed = word + "'";
        boolean prime = s.startsWith("'", end)
            && (strong.contains(primed) || generic.contains(primed))
            && (end + 1 == s.length() || !Character.isLetter(s.charAt(end + 1)));
        int close = word.equals("d") && s.startsWith("(", end) ? closing(s, end) : -1;
        int den = word.length() > 1 && word.charAt(0) == 'd' && s.startsWith("/d", end)
            ? nameEnd(s, end + 1) : -1;
        int by = close > 0 && s.startsWith("/d", close + 1) ? nameEnd(s, close + 3) : -1;
        if (den > 0 && known(word.substring(1), strong, generic)
            && known(s.substring(end + 2, den), strong, generic)) {
          end = den; // dA/dB
          kind = Kind.NAME;
        } else if (by > 0 && known(s.substring(close + 3, by), strong, generic)) {
          end = by; // d(expression)/dB
          kind = Kind.NAME;
        } else if (prime) {
          end++; // f' or f'(x)
          kind = Kind.NAME;
        } else if (known(word, strong, generic) || word.contains("^[")
            || word.equals("e") && s.startsWith("^", end)
            || FUNCTIONS.contains(word) && s.startsWith("(", end)) {
          end = suffixEnd(s, end, known(word, strong, generic));
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
   * Where the name that starts at {@code i} ends, or -1 when none starts there: an ASCII letter,
   * then letters, digits and underscores, then perhaps a layer {@code ^[...]} of letters,
   * digits and signs ({@code w11^[2]}).
   */
  private static int nameEnd(String s, int i) {
    if (i >= s.length() || !asciiLetter(s.charAt(i))) {
      return -1;
    }
    int j = i + 1;
    while (j < s.length() && (asciiLetter(s.charAt(j)) || asciiDigit(s.charAt(j))
        || s.charAt(j) == '_')) {
      j++;
    }
    if (s.startsWith("^[", j)) {
      int k = j + 2;
      while (k < s.length() && (asciiLetter(s.charAt(k)) || asciiDigit(s.charAt(k))
          || s.charAt(k) == '+' || s.charAt(k) == '-')) {
        k++;
      }
      if (k > j + 2 && k < s.length() && s.charAt(k) == ']') {
        return k + 1;
      }
    }
    return j;
  }

  /**
   * Where the number that starts at {@code i} ends, or -1 when none starts there: digits with
   * perhaps a fraction ({@code .} and digits) and an exponent ({@code e}, a sign, digits), or a
   * fraction alone ({@code .5}).
   */
  private static int numberEnd(String s, int i) {
    int j = digitsEnd(s, i);
    if (j == i) {
      int k = s.startsWith(".", i) ? digitsEnd(s, i + 1) : i;
      return k > i + 1 ? k : -1;
    }
    if (s.startsWith(".", j) && digitsEnd(s, j + 1) > j + 1) {
      j = digitsEnd(s, j + 1);
    }
    if (j < s.length() && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
      int k = j + 1 < s.length() && (s.charAt(j + 1) == '+' || s.charAt(j + 1) == '-')
          ? j + 2 : j + 1;
      j = digitsEnd(s, k) > k ? digitsEnd(s, k) : j;
    }
    return j;
  }

  private static int digitsEnd(String s, int i) {
    int j = i;
    while (j < s.length() && asciiDigit(s.charAt(j))) {
      j++;
    }
    return j;
  }

  private static boolean asciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean asciiDigit(char c) {
    return c >= '0' && c <= '9';
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
