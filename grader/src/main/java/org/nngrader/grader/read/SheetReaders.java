package org.nngrader.grader.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Objects;
import java.util.zip.ZipException;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Chooses the {@link SheetReader} for a file by its content, not its name: a zip with workbook
 * parts is xlsx, text is csv, and everything else (old {@code .xls}, password-protected workbooks,
 * OpenDocument, Word, PDF, images, web pages) is refused with a message that says what the file is
 * and how to hand in a readable one. Stateless and thread-safe.
 */
public final class SheetReaders {

  private static final SheetReader XLSX = new XlsxSheetReader();
  private static final SheetReader CSV = new CsvSheetReader();
  private static final byte[] OLE2 = {
    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
  };
  private static final String HAND_IN =
      "hand in the answer template as .xlsx or .csv";
  private static final int SNIFF_BYTES = 8192;

  private SheetReaders() {}

  /**
   * The reader for this content.
   *
   * @param name the file name, used in messages only
   * @param content the whole file
   * @throws SheetReadException when the content is not a readable answer sheet format; the message
   *     names the file, says what it is and what to do
   */
  public static SheetReader detect(String name, byte[] content) throws SheetReadException {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    if (content.length == 0) {
      throw new SheetReadException(name, "the file is empty (0 bytes); " + HAND_IN);
    }
    if (ZipBytes.looksLikeZip(content)) {
      return zipKind(name, content);
    }
    if (startsWith(content, OLE2)) {
      throw new SheetReadException(name, ole2Kind(content));
    }
    String binary = binaryKind(content);
    if (binary != null) {
      throw new SheetReadException(name, binary);
    }
    String start = TextDecoding.decode(head(content)).stripLeading();
    if (start.startsWith("<")) {
      throw new SheetReadException(name, "this is an HTML or XML file (a web page, or Excel's"
          + " 'XML Spreadsheet 2003'), not an answer sheet; open it in Excel, save it as .xlsx"
          + " (Excel Workbook), or " + HAND_IN);
    }
    if (start.startsWith("{\\rtf")) {
      throw new SheetReadException(name, "this is an RTF document, not an answer sheet; "
          + HAND_IN);
    }
    return CSV;
  }

  /** Detects the format and reads the sheet: {@code detect(name, content).read(name, content)}. */
  public static AnswerSheet read(String name, byte[] content) throws SheetReadException {
    SheetReader reader = detect(name, content);
    try {
      return reader.read(name, content);
    } catch (SheetBudget.Exceeded e) {
      throw new SheetReadException(name, e.getMessage(), e);
    } catch (SheetReadException e) {
      // A reader that wraps every failure of its library may have wrapped the budget's refusal.
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        if (c instanceof SheetBudget.Exceeded exceeded) {
          throw new SheetReadException(name, exceeded.getMessage(), e);
        }
      }
      throw e;
    }
  }

  /**
   * Whether a zip with these entry names is an office document (workbook, OpenDocument, Word,
   * PowerPoint, Numbers) rather than an archive of files, judged by the parts such a document
   * must have, not by one file a bulk download may also hold.
   */
  static boolean isOfficeDocument(Collection<String> entries) {
    boolean ooxml = entries.contains("[Content_Types].xml") && (anyStartsWith(entries, "xl/")
        || anyStartsWith(entries, "word/") || anyStartsWith(entries, "ppt/"));
    boolean odf = entries.contains("mimetype") && entries.contains("content.xml");
    return ooxml || odf || entries.contains("xl/workbook.xml")
        || (entries.contains("Index/Document.iwa"));
  }

  private static SheetReader zipKind(String name, byte[] content) throws SheetReadException {
    Collection<String> entries;
    try {
      entries = ZipBytes.open(content).names();
    } catch (ZipBytes.TooLarge e) {
      throw new SheetReadException(name, "this is a zip archive (" + e.getMessage()
          + "), not an answer sheet; " + HAND_IN, e);
    } catch (ZipException e) {
      throw new SheetReadException(name, "not a valid xlsx file (truncated zip?); "
          + XlsxSheetReader.RESAVE, e);
    }
    if (entries.contains("xl/workbook.xml")
        || (entries.contains("[Content_Types].xml") && anyStartsWith(entries, "xl/"))) {
      return XLSX;
    }
    if (entries.contains("mimetype") && entries.contains("content.xml")) {
      throw new SheetReadException(name, "this is an OpenDocument file (.ods, LibreOffice or"
          + " OpenOffice), not xlsx; use File > Save As > Excel 2007-365 (.xlsx), or "
          + HAND_IN);
    }
    if (anyStartsWith(entries, "word/")) {
      throw new SheetReadException(name, "this is a Word document, not an answer sheet; "
          + HAND_IN);
    }
    if (anyStartsWith(entries, "ppt/")) {
      throw new SheetReadException(name, "this is a PowerPoint file, not an answer sheet; "
          + HAND_IN);
    }
    if (anyStartsWith(entries, "Index/")) {
      throw new SheetReadException(name, "this is an Apple Numbers file; use File > Export To >"
          + " Excel, or " + HAND_IN);
    }
    throw new SheetReadException(name, "this is a zip archive, not an answer sheet; "
        + HAND_IN + " itself, not zipped");
  }

  /** Old Office binary files, and Office files protected by a password (also OLE2 inside). */
  private static String ole2Kind(byte[] content) {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
      DirectoryNode root = fs.getRoot();
      if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
        return "the workbook is password-protected, so it cannot be read; remove the password"
            + " (File > Info > Protect Workbook > Encrypt with Password, clear it) and save it"
            + " again as .xlsx";
      }
      if (root.hasEntry("WordDocument")) {
        return "this is an old Word document (.doc), not an answer sheet; " + HAND_IN;
      }
    } catch (IOException | RuntimeException e) {
      // Unreadable OLE2: the most likely culprit is still an old workbook.
    }
    return "this is an old Excel 97-2003 workbook (.xls), which is not supported; open it in"
        + " Excel and save it as .xlsx (File > Save As > Excel Workbook)";
  }

  private static String binaryKind(byte[] b) {
    if (startsWith(b, "%PDF".getBytes(StandardCharsets.US_ASCII))) {
      return "this is a PDF, not an answer sheet; a PDF cannot be graded — " + HAND_IN;
    }
    if (startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G'})
        || startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})
        || startsWith(b, "GIF8".getBytes(StandardCharsets.US_ASCII))) {
      return "this is an image (a screenshot or photo?), not an answer sheet; " + HAND_IN;
    }
    if (TextDecoding.hasUtf16Mark(b)) {
      return null;
    }
    int limit = Math.min(b.length, SNIFF_BYTES);
    for (int i = 0; i < limit; i++) {
      if (b[i] == 0) {
        return "this is a binary file of an unknown kind, not an answer sheet; " + HAND_IN;
      }
    }
    return null;
  }

  private static byte[] head(byte[] content) {
    if (content.length <= SNIFF_BYTES) {
      return content;
    }
    return java.util.Arrays.copyOf(content, SNIFF_BYTES);
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyStartsWith(Collection<String> names, String prefix) {
    for (String n : names) {
      if (n.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
