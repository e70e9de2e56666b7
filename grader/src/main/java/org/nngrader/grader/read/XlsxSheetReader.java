package org.nngrader.grader.read;

import com.fasterxml.aalto.UncheckedStreamException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads xlsx answer sheets by streaming the sheet XML with StAX straight from the bytes in memory:
 * no workbook object model, only the parts needed inflated. Formula cells use their cached value;
 * when a formula in the answer sheet has none (a file written by openpyxl, which never
 * calculates), or the workbook asks to be recalculated on load (XlsxWriter caches 0 for every
 * formula), the sheet is read again through {@link XlsxWorkbookReader}, which calculates them.
 * Stateless and thread-safe.
 */
final class XlsxSheetReader implements SheetReader {

  /** Cells further right are not part of the template. */
  static final int MAX_COLUMNS = 64;
  static final String ANSWERS_SHEET = "Answers";

  static final String RESAVE = "re-save it from Excel or hand in the csv template";

  @Override
  public SheetFormat format() {
    return SheetFormat.XLSX;
  }

  @Override
  public AnswerSheet read(String sourceName, byte[] content) throws SheetReadException {
    ZipBytes zip = open(sourceName, content);
    try {
      XlsxParts parts = XlsxParts.read(zip);
      List<XlsxParts.Sheet> sheets = parts.sheets();
      int chosen = answersSheet(sheets.stream().map(XlsxParts.Sheet::name).toList(),
          sheets.stream().map(XlsxParts.Sheet::hidden).toList());
      if (chosen < 0) {
        throw new SheetReadException(sourceName, "the workbook has no sheets; " + RESAVE);
      }
      SheetLayout layout = new SheetLayout();
      XlsxParts.Sheet answers = sheets.get(chosen);
      noteSheetChoice(layout, answers.name());
      try {
        streamRows(part(zip, answers.part(), sourceName), answers.part(), parts, layout::row,
            true);
      } catch (MissingCachedValue e) {
        return XlsxWorkbookReader.read(sourceName, zip, parts.recalculateOnLoad());
      }
      for (int i = 0; i < sheets.size(); i++) {
        XlsxParts.Sheet sheet = sheets.get(i);
        if (i != chosen && sheet.hidden()) {
          VariantFinder finder = new VariantFinder();
          streamRows(part(zip, sheet.part(), sourceName), sheet.part(), parts, finder, false);
          layout.hiddenVariant(finder.variant, sheet.name());
        }
      }
      return layout.build(sourceName, SheetFormat.XLSX);
    } catch (XlsxParts.BadPart e) {
      throw new SheetReadException(sourceName,
          "not a valid xlsx file (" + e.getMessage() + "); " + RESAVE, e);
    } catch (ZipBytes.TooLarge e) {
      throw tooLarge(sourceName, e);
    } catch (ZipException e) {
      throw damaged(sourceName, e);
    }
  }

  static ZipBytes open(String sourceName, byte[] content) throws SheetReadException {
    try {
      return ZipBytes.open(content);
    } catch (ZipBytes.TooLarge e) {
      throw tooLarge(sourceName, e);
    } catch (ZipException e) {
      throw new SheetReadException(sourceName,
          "not a valid xlsx file (truncated zip?); " + RESAVE, e);
    }
  }

  static SheetReadException tooLarge(String sourceName, ZipException e) {
    return new SheetReadException(sourceName, "refused: " + e.getMessage()
        + ", far more than an answer sheet needs (a zip bomb?); hand in the answer template as"
        + " it was given out", e);
  }

  static SheetReadException damaged(String sourceName, ZipException e) {
    return new SheetReadException(sourceName,
        "not a valid xlsx file (" + e.getMessage() + "); " + RESAVE, e);
  }

  /**
   * The sheet holding the answers: the one named {@code Answers} (any case), else the first
   * visible sheet; -1 when there are no sheets.
   */
  static int answersSheet(List<String> names, List<Boolean> hidden) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).strip().equalsIgnoreCase(ANSWERS_SHEET)) {
        return i;
      }
    }
    for (int i = 0; i < names.size(); i++) {
      if (!hidden.get(i)) {
        return i;
      }
    }
    return names.isEmpty() ? -1 : 0;
  }

  static void noteSheetChoice(SheetLayout layout, String name) {
    if (!name.strip().equalsIgnoreCase(ANSWERS_SHEET)) {
      layout.problem(0, "no sheet is named '" + ANSWERS_SHEET + "'; the answers were read from"
          + " sheet '" + name + "'");
    }
  }

  private static byte[] part(ZipBytes zip, String part, String sourceName)
      throws ZipException, SheetReadException {
    byte[] content = zip.read(part, XlsxParts.MAX_PART_BYTES);
    if (content == null) {
      throw new SheetReadException(sourceName,
          "not a valid xlsx file (the sheet part '" + part + "' is missing); " + RESAVE);
    }
    return content;
  }

  /** Receives the rows of a sheet; cells by column index, {@code null} for blank. */
  interface RowSink {
    void row(int rowNumber, List<RawCell> cells);
  }

  /**
   * A formula cell without a cached value, or with one the workbook says not to trust ({@code
   * fullCalcOnLoad}): only a workbook evaluation can read it. Unchecked, as only the answers
   * sheet is read with {@code needValues} and only that call catches it.
   */
  static final class MissingCachedValue extends RuntimeException {
    MissingCachedValue() {
      super(null, null, false, false);
    }
  }

  private static void streamRows(byte[] content, String part, XlsxParts parts, RowSink sink,
      boolean needValues) throws XlsxParts.BadPart {
    try {
      XMLStreamReader r = XlsxParts.xml(content);
      CellScan cell = new CellScan();
      List<RawCell> cells = new ArrayList<>();
      int rowNumber = 0;
      int column = -1;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          switch (r.getLocalName()) {
            case "row":
              Integer n = XlsxParts.integer(r.getAttributeValue(null, "r"));
              rowNumber = n != null && n > 0 ? n : rowNumber + 1;
              cells = new ArrayList<>();
              column = -1;
              break;
            case "c":
              String ref = r.getAttributeValue(null, "r");
              int fromRef = ref == null ? -1 : columnIndex(ref);
              column = fromRef >= 0 ? fromRef : column + 1;
              cell.start(r.getAttributeValue(null, "t"), r.getAttributeValue(null, "s"));
              break;
            case "f":
              cell.formula = true;
              break;
            case "v":
              cell.value = r.getElementText();
              break;
            case "is":
              cell.inline = inlineText(r);
              break;
            default:
              break;
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String name = r.getLocalName();
          if (name.equals("c")) {
            if (column < MAX_COLUMNS) {
              RawCell raw = cell.finish(parts, needValues);
              if (raw != null) {
                while (cells.size() <= column) {
                  cells.add(null);
                }
                cells.set(column, raw);
              }
            }
          } else if (name.equals("row")) {
            if (!cells.isEmpty()) {
              sink.row(rowNumber, cells);
            }
          } else if (name.equals("sheetData")) {
            break;
          }
        }
      }
      r.close();
    } catch (XMLStreamException | UncheckedStreamException e) {
      throw XlsxParts.malformed(part, e);
    }
  }

  /** The text of an inline string, {@code <is>} with plain or rich-text runs. */
  private static String inlineText(XMLStreamReader r) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    int phonetic = 0;
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (r.getLocalName().equals("rPh")) {
          phonetic++;
        } else if (r.getLocalName().equals("t") && phonetic == 0) {
          text.append(r.getElementText());
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (r.getLocalName().equals("rPh")) {
          phonetic--;
        } else if (r.getLocalName().equals("is")) {
          break;
        }
      }
    }
    return XlsxParts.decodeEscapes(text.toString());
  }

  /** 0 for A, 25 for Z, 26 for AA; -1 when the reference has no column letters. */
  static int columnIndex(String ref) {
    int column = 0;
    int i = 0;
    for (; i < ref.length(); i++) {
      char c = Character.toUpperCase(ref.charAt(i));
      if (c < 'A' || c > 'Z') {
        break;
      }
      column = column * 26 + (c - 'A' + 1);
      if (column > 1 << 20) {
        return -1;
      }
    }
    return i == 0 ? -1 : column - 1;
  }

  /** One cell being read; reused across cells of a sheet. */
  private static final class CellScan {
    String type;
    String style;
    boolean formula;
    String value;
    String inline;

    void start(String type, String style) {
      this.type = type == null ? "n" : type;
      this.style = style;
      formula = false;
      value = null;
      inline = null;
    }

    RawCell finish(XlsxParts parts, boolean needValues) {
      if (formula && needValues && parts.recalculateOnLoad()) {
        throw new MissingCachedValue();
      }
      switch (type) {
        case "s": {
          Integer index = XlsxParts.integer(value);
          String text = index == null ? null : parts.sharedString(index);
          return text == null ? null : new RawCell(text, null, formula);
        }
        case "inlineStr":
          return inline == null ? null : new RawCell(inline, null, formula);
        case "b":
          return value == null ? missing(needValues)
              : new RawCell(CellText.bool(value.strip().equals("1")), null, formula);
        case "str":
        case "e":
        case "d":
          return value == null ? missing(needValues) : new RawCell(value, null, formula);
        default:
          if (value == null || value.isBlank()) {
            return missing(needValues);
          }
          String stored = value.strip();
          double number;
          try {
            number = Double.parseDouble(stored);
          } catch (NumberFormatException e) {
            return new RawCell(value, null, formula);
          }
          if (!Double.isFinite(number)) {
            return new RawCell(value.strip().toUpperCase(Locale.ROOT), null, formula);
          }
          Integer xf = XlsxParts.integer(style);
          int formatIndex = parts.formatIndex(xf == null ? 0 : xf);
          return RawCell.numeric(number, stored, formatIndex, parts.formatString(formatIndex),
              formula);
      }
    }

    private RawCell missing(boolean needValues) {
      if (formula && needValues) {
        throw new MissingCachedValue();
      }
      return null;
    }
  }

  /** Finds a {@code variant} row (label in column A, value in B or C) on a hidden sheet. */
  static final class VariantFinder implements RowSink {
    String variant;

    @Override
    public void row(int rowNumber, List<RawCell> cells) {
      if (variant != null || cells.isEmpty() || cells.get(0) == null) {
        return;
      }
      String label = SheetLayout.label(cells.get(0).text());
      if (!label.equals("variant") && !label.equals("variantid")) {
        return;
      }
      for (int c = 1; c <= 2 && c < cells.size(); c++) {
        RawCell cell = cells.get(c);
        if (cell != null && !cell.isBlank()) {
          variant = SheetLayout.identifier(cell);
          return;
        }
      }
    }
  }
}
