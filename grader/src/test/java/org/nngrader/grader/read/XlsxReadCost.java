package org.nngrader.grader.read;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Measures what reading one typical 40-row answer sheet costs on each xlsx path, and the
 * end-to-end rate through a Canvas-style zip. Not a test (no timing assertions); run it by hand:
 *
 * <pre>
 * java -cp grader/target/test-classes:grader/target/classes:$(deps) \
 *     org.nngrader.grader.read.XlsxReadCost [sheets-in-zip]
 * </pre>
 */
public final class XlsxReadCost {

  private XlsxReadCost() {}

  public static void main(String[] args) throws Exception {
    int zipSheets = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
    byte[] sheet = XlsxFixtures.typical(40).bytes();
    System.out.printf(Locale.ROOT, "typical sheet: 40 step rows, %d bytes%n", sheet.length);
    time("full XSSFWorkbook + DataFormatter", sheet, XlsxReadCost::fullWorkbook);
    time("POI XSSFReader + SAX XSSFSheetXMLHandler", sheet, XlsxReadCost::poiStreaming);
    time("nngrader XlsxWorkbookReader (fallback path)", sheet,
        b -> XlsxWorkbookReader.read("a.xlsx", b).cells().size());
    time("nngrader StAX over in-memory zip (chosen path)", sheet,
        b -> SheetReaders.read("a.xlsx", b).cells().size());
    byte[] uncached = XlsxFixtures.typical(39).formula("w5+", "C4+1", false).bytes();
    time("nngrader, a formula without cached value", uncached,
        b -> SheetReaders.read("a.xlsx", b).cells().size());
    byte[] csv = csv(40);
    time("nngrader csv", csv, b -> SheetReaders.read("a.csv", b).cells().size());
    endToEnd(sheet, zipSheets);
  }

  interface Work {
    int run(byte[] content) throws Exception;
  }

  private static void time(String label, byte[] content, Work work) throws Exception {
    long sink = 0;
    long warmUntil = System.nanoTime() + 3_000_000_000L;
    while (System.nanoTime() < warmUntil) {
      sink += work.run(content);
    }
    int n = 0;
    long start = System.nanoTime();
    long end = start + 3_000_000_000L;
    long now;
    do {
      sink += work.run(content);
      n++;
      now = System.nanoTime();
    } while (now < end);
    double micros = (now - start) / 1e3 / n;
    System.out.printf(Locale.ROOT, "%-48s %9.1f us/sheet  (%d runs, sink %d)%n", label, micros, n,
        sink);
  }

  private static int fullWorkbook(byte[] content) throws Exception {
    DataFormatter formatter = new DataFormatter(Locale.ROOT);
    int cells = 0;
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      Sheet sheet = wb.getSheet("Answers");
      for (Row row : sheet) {
        for (Cell cell : row) {
          cells += formatter.formatCellValue(cell).length() > 0 ? 1 : 0;
        }
      }
    }
    return cells;
  }

  private static int poiStreaming(byte[] content) throws Exception {
    int[] cells = {0};
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        try (InputStream in = sheets.next()) {
          if (!sheets.getSheetName().equals("Answers")) {
            continue;
          }
          XMLReader xml = XMLHelper.newXMLReader();
          xml.setContentHandler(new XSSFSheetXMLHandler(styles, strings,
              new XSSFSheetXMLHandler.SheetContentsHandler() {
                @Override
                public void startRow(int rowNum) {}

                @Override
                public void endRow(int rowNum) {}

                @Override
                public void cell(String ref, String value, XSSFComment comment) {
                  cells[0]++;
                }
              }, new DataFormatter(Locale.ROOT), false));
          xml.parse(new InputSource(in));
        }
      }
    }
    return cells[0];
  }

  private static byte[] csv(int steps) {
    StringBuilder b = new StringBuilder("student_id,Student ID,s1234567\nvariant,Variant,v-0007\n"
        + "step,question,answer\n");
    for (int i = 1; i <= steps; i++) {
      b.append("dE_total/dw").append(i).append(",\"The partial derivative, w").append(i)
          .append("\",").append(0.0123456789 * i).append('\n');
    }
    return b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Submissions zip -> content -> sheet -> every answer parsed, on 1 and 2 threads. */
  private static void endToEnd(byte[] sheet, int count) throws Exception {
    Path dir = Files.createTempDirectory("nngrader-cost");
    Path zip = dir.resolve("submissions.zip");
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (int i = 0; i < count; i++) {
        out.putNextEntry(new ZipEntry(String.format(Locale.ROOT,
            "student%05d_%d_%d_answers.xlsx", i, 100000 + i, 7000000 + i)));
        out.write(sheet);
        out.closeEntry();
      }
    }
    for (int threads : new int[] {1, 2, 1, 2}) {
      long start = System.nanoTime();
      long openedAt;
      AtomicLong answers = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try (Stream<SubmissionEntry> entries = Submissions.open(zip)) {
        openedAt = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        entries.forEach(e -> work.add(pool.submit(() -> {
          Submission s = (Submission) e;
          AnswerSheet read = SheetReaders.read(s.entryName(), s.content());
          for (AnswerCell cell : read.cells()) {
            if (cell.numericValue() != null
                || NumberForms.parse(cell.written()) instanceof ParsedNumber.Value) {
              answers.incrementAndGet();
            }
          }
          return null;
        })));
        for (Future<?> f : work) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT,
          "end to end, %d sheets in a zip, %d thread(s): %.2f s (zip check %.2f s) = %.0f"
              + " sheets/s, %d answers%n",
          count, threads, seconds, (openedAt - start) / 1e9, count / seconds, answers.get());
    }
    Files.delete(zip);
    Files.delete(dir);
  }
}
