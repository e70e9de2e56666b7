package org.nngrader.grader.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nngrader.grader.engine.StudentAnswer;
import org.nngrader.grader.read.WrittenPrecision;

/**
 * A sheet's answers kept between the two passes of a class in a few flat arrays (about a
 * third of the answer objects' size): what pass one read of every student waits there until
 * pass two grades it. {@link #unpack} gives back equal answers, in the same order.
 *
 * <p>Immutable.
 */
final class PackedAnswers {

  private static final byte NUMERIC = 0;
  private static final byte MISSING = 1;
  private static final byte UNREADABLE = 2;
  private static final byte TEXT = 3;

  /** The step ids (the matcher's canonical strings, shared by every sheet). */
  private final String[] steps;
  private final byte[] kinds;
  /** Per answer: value, allowance, written half-unit. */
  private final double[] numbers;
  private final byte[] figures;
  /** Every written text, one after another; {@link #ends} says where each ends. */
  private final String written;
  private final int[] ends;
  /** The reasons of the unreadable answers, in order; null when there are none. */
  private final String[] reasons;
  /** The answers themselves when some cannot be packed (a null text); else null. */
  private final Map<String, StudentAnswer> unpacked;

  private PackedAnswers(Map<String, StudentAnswer> unpacked) {
    this(new String[0], new byte[0], new double[0], new byte[0], "", new int[0], null,
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unpacked)));
  }

  private PackedAnswers(String[] steps, byte[] kinds, double[] numbers, byte[] figures,
      String written, int[] ends, String[] reasons, Map<String, StudentAnswer> unpacked) {
    this.unpacked = unpacked;
    this.steps = steps;
    this.kinds = kinds;
    this.numbers = numbers;
    this.figures = figures;
    this.written = written;
    this.ends = ends;
    this.reasons = reasons;
  }

  static PackedAnswers pack(Map<String, StudentAnswer> answers) {
    for (StudentAnswer a : answers.values()) {
      if (a.written() == null || (a instanceof StudentAnswer.Unreadable u && u.reason() == null)) {
        return new PackedAnswers(answers);
      }
    }
    int n = answers.size();
    String[] steps = new String[n];
    byte[] kinds = new byte[n];
    double[] numbers = new double[3 * n];
    byte[] figures = new byte[n];
    int[] ends = new int[n];
    StringBuilder text = new StringBuilder(n * 12);
    java.util.List<String> reasons = null;
    int i = 0;
    for (Map.Entry<String, StudentAnswer> e : answers.entrySet()) {
      steps[i] = e.getKey();
      StudentAnswer a = e.getValue();
      if (a instanceof StudentAnswer.Numeric num) {
        kinds[i] = NUMERIC;
        numbers[3 * i] = num.value();
        numbers[3 * i + 1] = num.precision();
        numbers[3 * i + 2] = num.writtenPrecision().halfUnit();
        figures[i] = (byte) num.writtenPrecision().figures();
      } else if (a instanceof StudentAnswer.Missing) {
        kinds[i] = MISSING;
      } else if (a instanceof StudentAnswer.Unreadable u) {
        kinds[i] = UNREADABLE;
        if (reasons == null) {
          reasons = new java.util.ArrayList<>();
        }
        reasons.add(u.reason());
      } else {
        kinds[i] = TEXT;
      }
      text.append(a.written());
      ends[i] = text.length();
      i++;
    }
    return new PackedAnswers(steps, kinds, numbers, figures, text.toString(), ends,
        reasons == null ? null : reasons.toArray(String[]::new), null);
  }

  /** The answers by step id, in the order they were packed. */
  Map<String, StudentAnswer> unpack() {
    if (unpacked != null) {
      return new LinkedHashMap<>(unpacked);
    }
    Map<String, StudentAnswer> out = new LinkedHashMap<>();
    int reason = 0;
    for (int i = 0; i < steps.length; i++) {
      String w = written.substring(i == 0 ? 0 : ends[i - 1], ends[i]);
      StudentAnswer a = switch (kinds[i]) {
        case NUMERIC -> {
          double half = numbers[3 * i + 2];
          int f = figures[i];
          WrittenPrecision p = half == 0 && f == WrittenPrecision.FULL
              ? WrittenPrecision.EXACT : new WrittenPrecision(half, f);
          yield new StudentAnswer.Numeric(numbers[3 * i], w, numbers[3 * i + 1], p);
        }
        case MISSING -> new StudentAnswer.Missing();
        case UNREADABLE -> new StudentAnswer.Unreadable(w, reasons[reason++]);
        default -> new StudentAnswer.Text(w);
      };
      out.put(steps[i], a);
    }
    return out;
  }

  boolean isEmpty() {
    return unpacked != null ? unpacked.isEmpty() : steps.length == 0;
  }
}
