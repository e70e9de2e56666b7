package org.nngrader.grader.export;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * A spreadsheet an LMS exported (a gradebook, a grading worksheet), read as rows of text with the
 * encoding, byte-order mark and delimiter it came in, so that a filled-in copy goes back in the
 * same form. The delimiter is chosen the way Canvas's {@code GradebookImporter#identify_delimiter}
 * does: the separator ({@code ;}, {@code ,} or tab) that splits the first lines into the same
 * number of fields, the most fields winning.
 */
final class LmsTable {

  final List<List<String>> rows;
  final char delimiter;
  final Charset charset;
  final boolean bom;

  private LmsTable(List<List<String>> rows, char delimiter, Charset charset, boolean bom) {
    this.rows = rows;
    this.delimiter = delimiter;
    this.charset = charset;
    this.bom = bom;
  }

  /**
   * Reads an LMS export: UTF-8 (with or without BOM) or UTF-16 with a BOM (Blackboard's
   * tab-delimited download).
   *
   * @throws IllegalArgumentException naming the file when it is empty or not delimited text
   */
  static LmsTable read(Path file, String what) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Charset charset = StandardCharsets.UTF_8;
    boolean bom = false;
    int skip = 0;
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
      bom = true;
      skip = 2;
    } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
      bom = true;
      skip = 2;
    } else if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      bom = true;
      skip = 3;
    }
    String text = new String(bytes, skip, bytes.length - skip, charset);
    if (text.isBlank()) {
      throw new IllegalArgumentException(file + ": is empty; export " + what + " again and pass that file");
    }
    char delimiter = delimiter(text);
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser p = CSVParser.parse(new StringReader(text),
        CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get())) {
      for (CSVRecord r : p) {
        rows.add(new ArrayList<>(r.toList()));
      }
    } catch (java.io.UncheckedIOException | IllegalStateException e) {
      throw new IllegalArgumentException(file + ": is not a readable csv (" + e.getMessage()
          + "); export " + what + " again and pass it unedited");
    }
    return new LmsTable(rows, delimiter, charset, bom);
  }

  /** The separator that splits the first three lines into equal, and the most, fields. */
  static char delimiter(String text) {
    List<String> first = text.lines().limit(3).toList();
    char best = ',';
    int bestCount = 0;
    for (char d : new char[] {',', ';', '\t'}) {
      int count = -1;
      boolean consistent = true;
      for (String line : first) {
        int n;
        try (CSVParser p = CSVParser.parse(new StringReader(line),
            CSVFormat.DEFAULT.builder().setDelimiter(d).get())) {
          List<CSVRecord> recs = p.getRecords();
          n = recs.isEmpty() ? 0 : recs.get(0).size();
        } catch (IOException | RuntimeException e) {
          consistent = false;
          break;
        }
        if (count >= 0 && n != count) {
          consistent = false;
        }
        count = n;
      }
      if (consistent && count > bestCount) {
        best = d;
        bestCount = count;
      }
    }
    return best;
  }

  /** The header (first row) with a stray BOM and surrounding spaces taken off each name. */
  List<String> header() {
    List<String> h = new ArrayList<>();
    for (String s : rows.get(0)) {
      h.add(s.replace("\uFEFF", "").strip());
    }
    return h;
  }

  /** The cell or "" beyond the row's end. */
  static String cell(List<String> row, int column) {
    return column >= 0 && column < row.size() ? row.get(column) : "";
  }

  static void set(List<String> row, int column, String value) {
    while (row.size() <= column) {
      row.add("");
    }
    row.set(column, value);
  }

  /** Writes rows in this table's encoding, BOM and delimiter ({@code quoteAll} for Blackboard). */
  void write(Path out, List<List<String>> body, boolean quoteAll) throws IOException {
    StringWriter w = new StringWriter();
    CSVFormat.Builder f = CSVFormat.DEFAULT.builder().setDelimiter(delimiter);
    if (quoteAll) {
      f.setQuoteMode(QuoteMode.ALL);
    }
    try (CSVPrinter p = new CSVPrinter(w, f.get())) {
      for (List<String> row : body) {
        p.printRecord(row);
      }
    }
    String text = (bom ? "\uFEFF" : "") + w;
    Files.write(out, text.getBytes(charset));
  }
}
