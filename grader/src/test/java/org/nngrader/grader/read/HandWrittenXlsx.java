package org.nngrader.grader.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes xlsx files part by part, the way programs other than Excel write them: openpyxl (a
 * formula with an empty cached value), XlsxWriter (a cached 0 for every formula and {@code
 * fullCalcOnLoad} in workbook.xml), LibreOffice (cached values, its own attributes). Rows are
 * answer-template rows: step id in A, answer in C.
 */
final class HandWrittenXlsx {

  private final List<String> rows = new ArrayList<>();
  private String calcPr = "";
  private final Map<String, byte[]> extra = new LinkedHashMap<>();

  /** A row whose answer cell C is the raw {@code <c>} element given (its r attribute added). */
  HandWrittenXlsx row(String step, String answerCell) {
    int r = rows.size() + 1;
    String c = answerCell.isEmpty() ? "" : answerCell.replaceFirst("<c", "<c r=\"C" + r + "\"");
    rows.add("<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>" + step
        + "</t></is></c>" + c + "</row>");
    return this;
  }

  /** A row with any cells, written as given. */
  HandWrittenXlsx rawRow(String cells) {
    int r = rows.size() + 1;
    rows.add("<row r=\"" + r + "\">" + cells + "</row>");
    return this;
  }

  /** The {@code <calcPr>} XlsxWriter writes: recalculate everything when opened. */
  HandWrittenXlsx fullCalcOnLoad() {
    calcPr = "<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/>";
    return this;
  }

  /** Another part in the zip, e.g. a picture. */
  HandWrittenXlsx part(String name, byte[] content) {
    extra.put(name, content);
    return this;
  }

  int rowCount() {
    return rows.size();
  }

  byte[] bytes() {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put("[Content_Types].xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package"
        + ".relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd"
        + ".openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd"
        + ".openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"));
    parts.put("_rels/.rels", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
        + "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org"
        + "/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"));
    parts.put("xl/workbook.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        + "<sheets><sheet name=\"Answers\" sheetId=\"1\" r:id=\"rId1\"/></sheets>" + calcPr
        + "</workbook>"));
    parts.put("xl/_rels/workbook.xml.rels", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
        + "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org"
        + "/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + "</Relationships>"));
    parts.put("xl/worksheets/sheet1.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<sheetData>" + String.join("", rows) + "</sheetData></worksheet>"));
    parts.putAll(extra);
    return zip(parts);
  }

  static byte[] zip(Map<String, byte[]> parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.setLevel(Deflater.BEST_SPEED);
      for (Map.Entry<String, byte[]> e : parts.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * The zip with the named entry left out of the central directory: its local header and data
   * stay where they are, so a reader that walks local headers (as POI's stream reader does)
   * still finds it, and one that uses the directory does not.
   */
  static byte[] hideFromCentralDirectory(byte[] zip, String name) {
    int end = zip.length - 22;
    while (end >= 0 && int32(zip, end) != 0x06054b50) {
      end--;
    }
    int count = uint16(zip, end + 10);
    int dirSize = (int) int32(zip, end + 12);
    int dirOffset = (int) int32(zip, end + 16);
    ByteArrayOutputStream dir = new ByteArrayOutputStream();
    int kept = 0;
    int at = dirOffset;
    for (int i = 0; i < count; i++) {
      int length = 46 + uint16(zip, at + 28) + uint16(zip, at + 30) + uint16(zip, at + 32);
      String entry = new String(zip, at + 46, uint16(zip, at + 28), StandardCharsets.UTF_8);
      if (!entry.equals(name)) {
        dir.write(zip, at, length);
        kept++;
      }
      at += length;
    }
    byte[] directory = dir.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(zip, 0, dirOffset);
    out.writeBytes(directory);
    byte[] eocd = java.util.Arrays.copyOfRange(zip, end, end + 22);
    put16(eocd, 8, kept);
    put16(eocd, 10, kept);
    put32(eocd, 12, directory.length);
    put32(eocd, 16, dirOffset);
    out.writeBytes(eocd);
    if (dirSize < 0) {
      throw new IllegalStateException("zip64 is not supported here");
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static int uint16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static long int32(byte[] b, int at) {
    return (uint16(b, at) | (long) uint16(b, at + 2) << 16);
  }

  private static void put16(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >> 8);
  }

  private static void put32(byte[] b, int at, int v) {
    put16(b, at, v);
    put16(b, at + 2, v >>> 16);
  }
}
