package org.nngrader.grader.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an xlsx answer sheet through POI's full workbook model, calculating formula cells that
 * have no cached value, or all of them when the workbook asks to be recalculated on load. About
 * ten times slower than {@link XlsxSheetReader}'s streaming, so it is only the fallback for such
 * sheets. Gives the same {@link AnswerSheet} as the streaming path for any sheet both can read.
 *
 * <p>Memory is budgeted: POI is handed a new zip of only the parts a calculation needs, read
 * through the central directory under limits (never an entry that only a local header names),
 * at most {@link #MAX_POI_BYTES} per file, and all threads together hold at most {@link
 * #MAX_CONCURRENT_BYTES} in POI models at a time. Formulas are calculated by {@link
 * FormulaCalculator}, which bounds their depth and number. Thread-safe.
 */
final class XlsxWorkbookReader {

  /** The parts one file may hand to POI; an answer sheet's parts are a few dozen kilobytes. */
  static final long MAX_POI_BYTES = 2L << 20;
  /** The parts all threads together may hold in POI models at once. */
  static final long MAX_CONCURRENT_BYTES = 6L << 20;
  private static final Semaphore BUDGET =
      new Semaphore((int) (MAX_CONCURRENT_BYTES >> 10), true);
  /** Parts no calculation reads: pictures, charts, embedded files, pivot caches, metadata. */
  private static final List<String> SKIPPED_FOLDERS = List.of("xl/media/", "xl/drawings/",
      "xl/charts/", "xl/embeddings/", "xl/diagrams/", "xl/pivotCache/", "xl/pivotTables/",
      "xl/printerSettings/", "xl/activeX/", "xl/ctrlProps/", "xl/richData/", "docProps/",
      "customXml/");

  private XlsxWorkbookReader() {}

  static AnswerSheet read(String sourceName, byte[] content) throws SheetReadException {
    ZipBytes zip = XlsxSheetReader.open(sourceName, content);
    boolean recalculate;
    try {
      recalculate = XlsxParts.read(zip).recalculateOnLoad();
    } catch (XlsxParts.BadPart | ZipException e) {
      recalculate = false;
    }
    return read(sourceName, zip, recalculate);
  }

  /**
   * @param zip the file, opened; only its budgeted parts reach POI
   * @param recalculate whether to calculate every formula, ignoring cached values
   */
  static AnswerSheet read(String sourceName, ZipBytes zip, boolean recalculate)
      throws SheetReadException {
    byte[] parts = partsForPoi(sourceName, zip);
    int permits = (int) Math.max(1, Math.min(BUDGET_PERMITS, (parts.length + 1023L) >> 10));
    BUDGET.acquireUninterruptibly(permits);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(parts))) {
      FormulaCalculator calculator = new FormulaCalculator(workbook);
      List<String> names = new ArrayList<>();
      List<Boolean> hidden = new ArrayList<>();
      for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
        names.add(workbook.getSheetName(i));
        hidden.add(workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i));
      }
      int chosen = XlsxSheetReader.answersSheet(names, hidden);
      if (chosen < 0) {
        throw new SheetReadException(sourceName,
            "the workbook has no sheets; " + XlsxSheetReader.RESAVE);
      }
      SheetLayout layout = new SheetLayout();
      XlsxSheetReader.noteSheetChoice(layout, names.get(chosen));
      readRows(workbook.getSheetAt(chosen), calculator, recalculate, layout::row);
      for (int i = 0; i < names.size(); i++) {
        if (i != chosen && hidden.get(i)) {
          XlsxSheetReader.VariantFinder finder = new XlsxSheetReader.VariantFinder();
          readRows(workbook.getSheetAt(i), calculator, recalculate, finder);
          layout.hiddenVariant(finder.variant, names.get(i));
        }
      }
      return layout.build(sourceName, SheetFormat.XLSX);
    } catch (IOException | RuntimeException e) {
      throw new SheetReadException(sourceName, "not a valid xlsx file ("
          + ForeignMessages.brief(e) + "); " + XlsxSheetReader.RESAVE, e);
    } finally {
      BUDGET.release(permits);
    }
  }

  private static final int BUDGET_PERMITS = (int) (MAX_CONCURRENT_BYTES >> 10);

  /**
   * A new zip of the parts POI needs to calculate: every part but pictures, charts, embedded
   * files and the like, read through the central directory under the part limits, together at
   * most {@link #MAX_POI_BYTES}.
   */
  static byte[] partsForPoi(String sourceName, ZipBytes zip) throws SheetReadException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long total = 0;
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.setLevel(Deflater.BEST_SPEED);
      for (ZipBytes.Entry entry : zip.entries()) {
        String name = entry.name();
        if (name.endsWith("/") || skipped(name)) {
          continue;
        }
        byte[] content = zip.read(entry, MAX_POI_BYTES - total);
        total += content.length;
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
      }
    } catch (ZipBytes.TooLarge e) {
      throw new SheetReadException(sourceName, "its formulas have no calculated values, and its"
          + " parts are larger than the " + ZipBytes.mib(MAX_POI_BYTES) + " they are calculated"
          + " within (" + e.getMessage() + "); open it in Excel and save it (Excel stores the"
          + " calculated values), or type the numbers instead of formulas", e);
    } catch (ZipException e) {
      throw XlsxSheetReader.damaged(sourceName, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory
    }
    return bytes.toByteArray();
  }

  private static boolean skipped(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".rels") || lower.equals("[content_types].xml")) {
      return false;
    }
    if (!lower.endsWith(".xml")) {
      return true; // binary parts: images, vbaProject.bin, printer settings
    }
    for (String folder : SKIPPED_FOLDERS) {
      if (lower.startsWith(folder.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static void readRows(Sheet sheet, FormulaCalculator calculator, boolean recalculate,
      XlsxSheetReader.RowSink sink) {
    for (Row row : sheet) {
      List<RawCell> cells = new ArrayList<>();
      for (Cell cell : row) {
        int column = cell.getColumnIndex();
        if (column >= XlsxSheetReader.MAX_COLUMNS) {
          continue;
        }
        RawCell raw = rawCell(cell, calculator, recalculate);
        if (raw != null) {
          while (cells.size() <= column) {
            cells.add(null);
          }
          cells.set(column, raw);
        }
      }
      if (!cells.isEmpty()) {
        sink.row(row.getRowNum() + 1, cells);
      }
    }
  }

  private static RawCell rawCell(Cell cell, FormulaCalculator calculator, boolean recalculate) {
    CellType type = cell.getCellType();
    if (type != CellType.FORMULA) {
      return value(cell, type, false);
    }
    if (!recalculate && hasCachedValue((XSSFCell) cell)) {
      return value(cell, cell.getCachedFormulaResultType(), true);
    }
    CellValue evaluated;
    try {
      evaluated = calculator.evaluate(cell);
    } catch (FormulaCalculator.Uncalculable e) {
      if (recalculate && hasCachedValue((XSSFCell) cell) && !cachedZero(cell)) {
        // A value some program did calculate (XlsxWriter's placeholder is 0) beats none.
        return value(cell, cell.getCachedFormulaResultType(), true);
      }
      return RawCell.uncalculated(cell.getCellFormula(), e.getMessage());
    }
    if (evaluated == null) {
      return null;
    }
    switch (evaluated.getCellType()) {
      case NUMERIC:
        return number(evaluated.getNumberValue(), cell.getCellStyle(), true);
      case STRING:
        return new RawCell(evaluated.getStringValue(), null, true);
      case BOOLEAN:
        return new RawCell(CellText.bool(evaluated.getBooleanValue()), null, true);
      case ERROR:
        return new RawCell(FormulaError.forInt(evaluated.getErrorValue()).getString(), null, true);
      default:
        return null;
    }
  }

  private static boolean cachedZero(Cell cell) {
    return cell.getCachedFormulaResultType() == CellType.NUMERIC
        && cell.getNumericCellValue() == 0;
  }

  /** openpyxl writes an empty {@code <v></v>} for a formula it did not calculate. */
  private static boolean hasCachedValue(XSSFCell cell) {
    org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell ct = cell.getCTCell();
    return ct.isSetV() && (!ct.getV().isBlank()
        || cell.getCachedFormulaResultType() == CellType.STRING);
  }

  private static RawCell value(Cell cell, CellType type, boolean formula) {
    switch (type) {
      case NUMERIC:
        return number(cell.getNumericCellValue(), cell.getCellStyle(), formula);
      case STRING:
        String text = cell.getStringCellValue();
        return text.isEmpty() && !formula ? null : new RawCell(text, null, formula);
      case BOOLEAN:
        return new RawCell(CellText.bool(cell.getBooleanCellValue()), null, formula);
      case ERROR:
        return new RawCell(FormulaError.forInt(cell.getErrorCellValue()).getString(), null,
            formula);
      default:
        return null;
    }
  }

  private static RawCell number(double value, CellStyle style, boolean formula) {
    int index = style == null ? 0 : style.getDataFormat();
    String format = style == null ? null : style.getDataFormatString();
    return RawCell.numeric(value, index, format, formula);
  }
}
