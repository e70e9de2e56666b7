package org.nngrader.grader.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nngrader.bank.sheet.SpreadsheetText;

/**
 * Reads csv answer sheets: comma, semicolon (European Excel) or tab separated, sniffed from the
 * first lines or given by Excel's {@code sep=;} line; UTF-8 with or without BOM, UTF-16, or
 * Windows-1252; quoted values. Every value is text (numbers are read later by {@link
 * NumberForms}). Stateless and thread-safe.
 */
final class CsvSheetReader implements SheetReader {

  private static final int SNIFF_LINES = 50;
  private static final char[] DELIMITERS = {';', '\t', ','};
  /** The answer column of the template (C). */
  private static final int ANSWER = 2;
  private static final Pattern WHOLE_PART = Pattern.compile("\\s*[-+\u2212]?\\d+");
  private static final Pattern FRACTION_PART = Pattern.compile("\\d+(?:[eE][-+]?\\d+)?%?\\s*");

  @Override
  public SheetFormat format() {
    return SheetFormat.CSV;
  }

  @Override
  public AnswerSheet read(String sourceName, byte[] content) throws SheetReadException {
    try {
      SheetBudget.checkTextBytes(content.length);
    } catch (SheetBudget.Exceeded e) {
      throw new SheetReadException(sourceName, e.getMessage(), e);
    }
    String text = TextDecoding.decode(content);
    int skippedLines = 0;
    char delimiter;
    String firstLine = firstLine(text);
    String badHint = null;
    if (firstLine.strip().matches("(?i)sep=.")) {
      delimiter = firstLine.strip().charAt(4);
      text = text.substring(Math.min(text.length(), firstLine.length() + 1));
      skippedLines = 1;
      if (delimiter == '"') {
        // The quote cannot also separate fields: take the hint for a slip and guess.
        delimiter = sniffDelimiter(text);
        badHint = "the first line 'sep=\"' names the quote as the separator, which cannot be;"
            + " it was ignored and the separator '" + delimiter + "' was used — write sep=,"
            + " or sep=; or delete that line";
      }
    } else {
      delimiter = sniffDelimiter(text);
    }
    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setDelimiter(delimiter)
        .setIgnoreEmptyLines(false)
        .get();
    SheetLayout layout = new SheetLayout();
    if (badHint != null) {
      layout.problem(1, badHint);
    }
    try (CSVParser parser = CSVParser.parse(text, format)) {
      try {
        // A record starts on the line after the line breaks read so far; counting lines rather
        // than records keeps row numbers right after a quoted value with a line break in it.
        long linesBefore = 0;
        // A header naming a fourth column means values in D are meant to be there.
        boolean fourColumns = false;
        for (CSVRecord record : parser) {
          int row = (int) Math.min(Integer.MAX_VALUE, linesBefore + 1 + skippedLines);
          List<RawCell> cells = cells(record);
          fourColumns |= isHeader(cells) && cells.size() > ANSWER + 1
              && cells.get(ANSWER + 1) != null;
          if (delimiter == ',' && !fourColumns && splitDecimalComma(cells)) {
            layout.problem(row, "the answer was split at an unquoted decimal comma and read as '"
                + cells.get(ANSWER).text() + "'; put numbers with a decimal comma in quotes, or"
                + " save the file with semicolons");
          }
          layout.row(row, cells);
          linesBefore = parser.getCurrentLineNumber();
        }
      } catch (UncheckedIOException e) {
        throw new SheetReadException(sourceName, "a quoted value near line "
            + (parser.getCurrentLineNumber() + skippedLines) + " never ends (a missing \"); fix"
            + " the quotes or re-save the file from Excel as CSV", e);
      }
    } catch (IOException e) {
      throw new SheetReadException(sourceName, "could not be read as csv (" + e.getMessage()
          + "); re-save it from Excel as CSV or hand in the xlsx template", e);
    }
    return layout.build(sourceName, SheetFormat.CSV);
  }

  /**
   * Joins {@code step,question,0,35} back into the answer {@code 0,35}: a decimal comma typed into
   * a comma-separated file by hand splits the number into columns C and D.
   *
   * @return whether the row was joined
   */
  private static boolean splitDecimalComma(List<RawCell> cells) {
    if (cells.size() < ANSWER + 2 || cells.get(ANSWER) == null || cells.get(ANSWER + 1) == null) {
      return false;
    }
    for (int c = ANSWER + 2; c < cells.size(); c++) {
      if (cells.get(c) != null) {
        return false;
      }
    }
    String whole = cells.get(ANSWER).text();
    String fraction = cells.get(ANSWER + 1).text();
    if (!WHOLE_PART.matcher(whole).matches() || !FRACTION_PART.matcher(fraction).matches()) {
      return false;
    }
    cells.set(ANSWER, RawCell.text(whole + "," + fraction));
    cells.set(ANSWER + 1, null);
    return true;
  }

  private static boolean isHeader(List<RawCell> cells) {
    return !cells.isEmpty() && cells.get(0) != null
        && SheetLayout.isHeaderLabel(cells.get(0).text());
  }

  private static List<RawCell> cells(CSVRecord record) {
    List<RawCell> cells = new ArrayList<>(record.size());
    for (int i = 0; i < record.size() && i < XlsxSheetReader.MAX_COLUMNS; i++) {
      // nngrader's own csv templates put an apostrophe before a formula-like id; drop it.
      String value = SpreadsheetText.unescape(record.get(i));
      cells.add(value.isBlank() ? null : RawCell.text(value));
    }
    return cells;
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  /**
   * The delimiter that splits the most of the first lines into three or more fields (step,
   * question, answer), counting only outside quotes; then the one that splits the most lines at
   * all; a comma when nothing splits. Semicolon wins ties, as semicolon files carry commas in
   * decimal numbers.
   */
  static char sniffDelimiter(String text) {
    int[] atLeastTwo = new int[DELIMITERS.length];
    int[] atLeastOne = new int[DELIMITERS.length];
    int lines = 0;
    int start = 0;
    while (start < text.length() && lines < SNIFF_LINES) {
      int end = text.indexOf('\n', start);
      String line = text.substring(start, end < 0 ? text.length() : end);
      start = end < 0 ? text.length() : end + 1;
      if (line.isBlank()) {
        continue;
      }
      lines++;
      for (int d = 0; d < DELIMITERS.length; d++) {
        int count = countOutsideQuotes(line, DELIMITERS[d]);
        atLeastTwo[d] += count >= 2 ? 1 : 0;
        atLeastOne[d] += count >= 1 ? 1 : 0;
      }
    }
    int best = best(atLeastTwo);
    if (best < 0) {
      best = best(atLeastOne);
    }
    return best < 0 ? ',' : DELIMITERS[best];
  }

  private static int best(int[] scores) {
    int best = -1;
    for (int d = 0; d < scores.length; d++) {
      if (scores[d] > 0 && (best < 0 || scores[d] > scores[best])) {
        best = d;
      }
    }
    return best;
  }

  private static int countOutsideQuotes(String line, char delimiter) {
    int count = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == delimiter && !quoted) {
        count++;
      }
    }
    return count;
  }
}
