package org.nngrader.grader.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an xlsx answer sheet through POI's full workbook model, evaluating formula cells that have
 * no cached value. About ten times slower than {@link XlsxSheetReader}'s streaming, so it is only
 * the fallback for such sheets. Gives the same {@link AnswerSheet} as the streaming path for any
 * sheet both can read. Stateless and thread-safe.
 */
final class XlsxWorkbookReader {

  /** Every part together; POI inflates them all. */
  private static final long MAX_TOTAL_BYTES = 64L << 20;

  private XlsxWorkbookReader() {}

  static AnswerSheet read(String sourceName, byte[] content) throws SheetReadException {
    return read(sourceName, content, XlsxSheetReader.open(sourceName, content));
  }

  /**
   * @param zip the same bytes, already opened; every entry is inflated under limits before POI
   *     sees the file, as POI inflates parts the streaming path never looked at
   */
  static AnswerSheet read(String sourceName, byte[] content, ZipBytes zip)
      throws SheetReadException {
    checkEntries(sourceName, zip);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
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
      readRows(workbook.getSheetAt(chosen), evaluator, layout, layout::row);
      for (int i = 0; i < names.size(); i++) {
        if (i != chosen && hidden.get(i)) {
          XlsxSheetReader.VariantFinder finder = new XlsxSheetReader.VariantFinder();
          readRows(workbook.getSheetAt(i), evaluator, null, finder);
          layout.hiddenVariant(finder.variant, names.get(i));
        }
      }
      return layout.build(sourceName, SheetFormat.XLSX);
    } catch (IOException | RuntimeException e) {
      throw new SheetReadException(sourceName, "not a valid xlsx file ("
          + ForeignMessages.brief(e) + "); " + XlsxSheetReader.RESAVE, e);
    }
  }

  private static void checkEntries(String sourceName, ZipBytes zip) throws SheetReadException {
    long total = 0;
    try {
      for (ZipBytes.Entry entry : zip.entries()) {
        total += zip.read(entry, XlsxParts.MAX_PART_BYTES).length;
        if (total > MAX_TOTAL_BYTES) {
          throw new ZipBytes.TooLarge("its parts inflate to more than "
              + ZipBytes.mib(MAX_TOTAL_BYTES));
        }
      }
    } catch (ZipBytes.TooLarge e) {
      throw XlsxSheetReader.tooLarge(sourceName, e);
    } catch (ZipException e) {
      throw XlsxSheetReader.damaged(sourceName, e);
    }
  }

  /** @param layout where formula problems go; {@code null} to ignore them */
  private static void readRows(Sheet sheet, FormulaEvaluator evaluator, SheetLayout layout,
      XlsxSheetReader.RowSink sink) {
    for (Row row : sheet) {
      List<RawCell> cells = new ArrayList<>();
      for (Cell cell : row) {
        int column = cell.getColumnIndex();
        if (column >= XlsxSheetReader.MAX_COLUMNS) {
          continue;
        }
        RawCell raw = rawCell(cell, evaluator, layout);
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

  private static RawCell rawCell(Cell cell, FormulaEvaluator evaluator, SheetLayout layout) {
    CellType type = cell.getCellType();
    if (type != CellType.FORMULA) {
      return value(cell, type, false);
    }
    if (((XSSFCell) cell).getCTCell().isSetV()) {
      return value(cell, cell.getCachedFormulaResultType(), true);
    }
    CellValue evaluated;
    try {
      evaluated = evaluator.evaluate(cell);
    } catch (RuntimeException e) {
      if (layout != null) {
        layout.problem(cell.getRowIndex() + 1, "the formula =" + cell.getCellFormula() + " in "
            + cell.getAddress() + " could not be calculated (" + rootMessage(e)
            + "); type the number instead");
      }
      return new RawCell("=" + cell.getCellFormula(), null, true);
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

  /** POI wraps the useful part ("not implemented: INFO") in "Error evaluating cell". */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String kind = root.getClass().getSimpleName();
    return root.getMessage() == null ? kind : kind + ": " + root.getMessage();
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
