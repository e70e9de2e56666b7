package org.nngrader.bank.expr;

/**
 * Prints the canonical form: explicit {@code *}, spaces around {@code + - * /}, none around {@code
 * ^}, and parentheses only where the grammar needs them or where a sign would otherwise follow an
 * operator ({@code a * (-b)}, {@code -(-b)}, {@code 2^(-1)}), so that parsing the printed text
 * gives back an equal tree.
 */
final class Printer {

  // Binding strength, as the parser reads it: sums < products < unary minus < powers < atoms.
  private static final int SUM = 1;
  private static final int PRODUCT = 2;
  private static final int UNARY = 3;
  private static final int POWER = 4;
  private static final int ATOM = 5;

  private Printer() {}

  static String print(Expr e) {
    StringBuilder out = new StringBuilder();
    write(e, out);
    return out.toString();
  }

  private static int level(Expr e) {
    if (e instanceof Expr.Binary) {
      switch (((Expr.Binary) e).operator()) {
        case ADD:
        case SUBTRACT:
          return SUM;
        case MULTIPLY:
        case DIVIDE:
          return PRODUCT;
        default:
          return POWER;
      }
    }
    return e instanceof Expr.Negation ? UNARY : ATOM;
  }

  private static void write(Expr e, StringBuilder out) {
    if (e instanceof Expr.Literal) {
      out.append(((Expr.Literal) e).text());
    } else if (e instanceof Expr.Symbol) {
      out.append(((Expr.Symbol) e).name());
    } else if (e instanceof Expr.Call) {
      Expr.Call call = (Expr.Call) e;
      out.append(call.function()).append('(');
      write(call.argument(), out);
      out.append(')');
    } else if (e instanceof Expr.Negation) {
      Expr operand = ((Expr.Negation) e).operand();
      out.append('-');
      writeOperand(operand, level(operand) >= POWER, out);
    } else {
      writeBinary((Expr.Binary) e, out);
    }
  }

  private static void writeBinary(Expr.Binary b, StringBuilder out) {
    int leftLevel = level(b.left());
    int rightLevel = level(b.right());
    switch (b.operator()) {
      case ADD:
      case SUBTRACT:
        writeOperand(b.left(), true, out);
        out.append(' ').append(b.operator().symbol()).append(' ');
        writeOperand(b.right(), rightLevel >= PRODUCT && rightLevel != UNARY, out);
        break;
      case MULTIPLY:
      case DIVIDE:
        writeOperand(b.left(), leftLevel >= PRODUCT, out);
        out.append(' ').append(b.operator().symbol()).append(' ');
        writeOperand(b.right(), rightLevel >= POWER, out);
        break;
      default:
        writeOperand(b.left(), leftLevel == ATOM, out);
        out.append('^');
        writeOperand(b.right(), rightLevel >= POWER, out);
    }
  }

  private static void writeOperand(Expr e, boolean bare, StringBuilder out) {
    if (bare) {
      write(e, out);
    } else {
      out.append('(');
      write(e, out);
      out.append(')');
    }
  }
}
