package org.nngrader.grader.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SheetReadersTest {

  private static final String HAND_IN = "hand in the answer template as .xlsx or .csv";

  @Test
  void choosesByContentNotByName() throws Exception {
    byte[] xlsx = XlsxFixtures.answers().numeric("w5+", 0.35).bytes();
    byte[] csv = "step,question,answer\nw5+,q,0.35\n".getBytes(StandardCharsets.UTF_8);

    assertThat(SheetReaders.detect("answers.csv", xlsx).format()).isEqualTo(SheetFormat.XLSX);
    assertThat(SheetReaders.detect("answers.xlsx", csv).format()).isEqualTo(SheetFormat.CSV);
    assertThat(SheetReaders.detect("answers", xlsx).format()).isEqualTo(SheetFormat.XLSX);
    assertThat(SheetReaders.read("answers.csv", xlsx).cells())
        .containsExactly(new AnswerCell("w5+", 1, "0.35", 0.35, false));
  }

  @Test
  void refusesOldXlsWithTheWayOut() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (HSSFWorkbook xls = new HSSFWorkbook()) {
      xls.createSheet("Answers").createRow(0).createCell(0).setCellValue("w5+");
      xls.write(out);
    }
    assertThatThrownBy(() -> SheetReaders.detect("answers.xls", out.toByteArray()))
        .isInstanceOf(SheetReadException.class)
        .hasMessage("answers.xls: this is an old Excel 97-2003 workbook (.xls), which is not"
            + " supported; open it in Excel and save it as .xlsx (File > Save As > Excel"
            + " Workbook)");
  }

  @Test
  void refusesAPasswordProtectedWorkbook() throws Exception {
    byte[] xlsx = XlsxFixtures.answers().numeric("w5+", 0.35).bytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor encryptor = new EncryptionInfo(EncryptionMode.standard).getEncryptor();
      encryptor.confirmPassword("secret");
      try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsx));
          OutputStream data = encryptor.getDataStream(fs)) {
        pkg.save(data);
      }
      fs.writeFilesystem(out);
    }
    assertThatThrownBy(() -> SheetReaders.read("answers.xlsx", out.toByteArray()))
        .isInstanceOf(SheetReadException.class)
        .hasMessageStartingWith("answers.xlsx: the workbook is password-protected, so it cannot"
            + " be read; remove the password");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "pdf|%PDF-1.7 ...|this is a PDF, not an answer sheet",
    "html|<!DOCTYPE html><html><body>0.5</body></html>|this is an HTML or XML file",
    "xml 2003|  <?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:"
        + "spreadsheet\"/>|Excel's 'XML Spreadsheet 2003'",
    "rtf|{\\rtf1\\ansi w5+ 0.35}|this is an RTF document",
  })
  void refusesTextThatIsNotCsv(String kind, String content, String message) {
    assertThatThrownBy(() -> SheetReaders.detect("answers." + kind,
        content.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SheetReadException.class)
        .hasMessageStartingWith("answers." + kind + ": ")
        .hasMessageContaining(message)
        .hasMessageContaining(HAND_IN);
  }

  @Test
  void refusesImagesAndOtherBinaries() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
    byte[] binary = {'w', '5', 0, 1, 2, 3};
    assertThatThrownBy(() -> SheetReaders.detect("photo.png", png))
        .hasMessage("photo.png: this is an image (a screenshot or photo?), not an answer sheet; "
            + HAND_IN);
    assertThatThrownBy(() -> SheetReaders.detect("photo.xlsx", jpeg))
        .hasMessageContaining("this is an image");
    assertThatThrownBy(() -> SheetReaders.detect("a.bin", binary))
        .hasMessageContaining("a binary file of an unknown kind");
    assertThatThrownBy(() -> SheetReaders.detect("empty.xlsx", new byte[0]))
        .isInstanceOf(SheetReadException.class)
        .hasMessage("empty.xlsx: the file is empty (0 bytes); " + HAND_IN);
  }

  @Test
  void tellsZipBasedFormatsApart() {
    byte[] ods = ZipRewrite.zip(Map.of("mimetype",
        "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII),
        "content.xml", new byte[10]));
    byte[] docx = ZipRewrite.zip(Map.of("[Content_Types].xml", new byte[1],
        "word/document.xml", new byte[1]));
    byte[] numbers = ZipRewrite.zip(Map.of("Index/Document.iwa", new byte[1]));
    byte[] plain = ZipRewrite.zip(Map.of("answers.xlsx", new byte[1]));
    byte[] empty = ZipRewrite.zip(Map.of());

    assertThatThrownBy(() -> SheetReaders.detect("a.ods", ods))
        .hasMessageContaining("OpenDocument file (.ods");
    assertThatThrownBy(() -> SheetReaders.detect("a.docx", docx))
        .hasMessageContaining("a Word document");
    assertThatThrownBy(() -> SheetReaders.detect("a.numbers", numbers))
        .hasMessageContaining("Apple Numbers");
    assertThatThrownBy(() -> SheetReaders.detect("a.zip", plain))
        .hasMessage("a.zip: this is a zip archive, not an answer sheet; " + HAND_IN
            + " itself, not zipped");
    assertThatThrownBy(() -> SheetReaders.detect("b.xlsx", empty))
        .hasMessageContaining("this is a zip archive");
  }

  @Test
  void aTruncatedXlsxIsNamedAsSuch() {
    byte[] xlsx = XlsxFixtures.typical(10).bytes();
    assertThatThrownBy(() -> SheetReaders.detect("answers.xlsx",
        Arrays.copyOf(xlsx, xlsx.length - 30)))
        .isInstanceOf(SheetReadException.class)
        .hasMessage("answers.xlsx: not a valid xlsx file (truncated zip?); re-save it from Excel"
            + " or hand in the csv template");
  }
}
