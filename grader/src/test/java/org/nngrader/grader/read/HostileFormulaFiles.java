package org.nngrader.grader.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Hostile xlsx files for the workbook (formula) path, and a main that reads several of them on
 * several threads; {@link XlsxFormulaTest} runs it in a JVM with a 256 MiB heap.
 */
final class HostileFormulaFiles {

  static final String HUGE_ENTRY = "xl/media/image1.bin";
  static final int HUGE_BYTES = 95 << 20;

  private HostileFormulaFiles() {}

  /**
   * An answer sheet whose answer is a formula without a cached value, beside a 95 MiB entry
   * that a local header names but the central directory does not. The entry compresses about
   * twelve times, well inside any zip-bomb ratio check, so a reader that walks local headers
   * inflates all of it.
   */
  static byte[] formulaBesideHiddenHugeEntry() {
    byte[] huge = new byte[HUGE_BYTES];
    Random random = new Random(95);
    for (int i = 0; i < huge.length; i += 32) {
      java.util.Arrays.fill(huge, i, Math.min(huge.length, i + 32), (byte) random.nextInt(256));
    }
    byte[] zip = new HandWrittenXlsx()
        .row("student_id", "<c t=\"inlineStr\"><is><t>s1</t></is></c>")
        .row("w5+", "<c><f>0.35*0.8</f><v></v></c>")
        .part(HUGE_ENTRY, huge)
        .bytes();
    return HandWrittenXlsx.hideFromCentralDirectory(zip, HUGE_ENTRY);
  }

  /** Reads {@code files} copies of the hostile file on {@code threads} threads; exit 0 when all read. */
  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    int files = Integer.parseInt(args[1]);
    byte[] xlsx = formulaBesideHiddenHugeEntry();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<AnswerSheet>> read = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      String name = "s" + i + ".xlsx";
      read.add(pool.submit(() -> SheetReaders.read(name, xlsx)));
    }
    int good = 0;
    for (Future<AnswerSheet> f : read) {
      AnswerCell answer = f.get().cells().get(0);
      if (answer.numericValue() != null && answer.numericValue() == 0.28) {
        good++;
      }
    }
    pool.shutdown();
    System.out.println(good + " of " + files + " read");
    System.exit(good == files ? 0 : 1);
  }
}
