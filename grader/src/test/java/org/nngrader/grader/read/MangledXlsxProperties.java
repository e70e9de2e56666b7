package org.nngrader.grader.read;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A workbook whose XML parts a hand-made generator or a hostile student has mangled (markup,
 * entities, characters XML does not allow, formulas, references out of range, pieces cut out)
 * is read or refused with a {@link SheetReadException} naming the file; nothing else escapes
 * the reader, so no such file can stop a batch.
 */
class MangledXlsxProperties {

  private static final byte[] BASE = XlsxFixtures.typical(12).bytes();

  private static final List<String> PIECES = List.of("]]>", "\uFFFE", "\uFFFF", "&#0;",
      "&#xD800;", "&#1114112;", "&bogus;", "& ", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>",
      "<![CDATA[x]]>", "<!-- c -->", "<?pi x?>", "\u0001", "\u0000", "</c>",
      "<c r=\"A1\" t=\"s\"><v>99999</v></c>", "<v>1e400</v>", "<v>NaN</v>", "<v>-</v>",
      "<v>0x1p3</v>", " r=\"ZZZZ99999999\"", " s=\"99999\"", " t=\"e\"", " t=\"b\"",
      " t=\"str\"", "<f>1/0</f>", "<f>SUM(</f>", "<f>INDIRECT(\"A1\")</f>", "<is><t>x</t></is>",
      "<row r=\"0\">", "<row r=\"-1\">", "<row r=\"99999999999\">", "\r", "\uD83D", " xmlns:x=\"u\"",
      "<x:c/>", "<sheetData/>", "\"", "'", "<", ">", "&", "<si>", "</si>", "<t>", "</t>",
      " numFmtId=\"-5\"", " numFmtId=\"99999999999\"", "<numFmt numFmtId=\"200\" formatCode=\"[\"/>",
      " formatCode=\"0.00E+\"", " formatCode=\"[h]:mm\"", " state=\"hidden\"", " r:id=\"rId99\"",
      " Target=\"../../x\"", " Target=\"/\"", "<sheet name=\"\" sheetId=\"1\" r:id=\"rId1\"/>");

  /** One change to one part: at a place, insert a piece, or cut up to 20 characters. */
  private record Change(int part, int at, int piece, boolean cut, int length) {}

  @Property(tries = 1500)
  void aMangledWorkbookIsReadOrRefusedNeverACrash(@ForAll("changes") List<Change> changes) {
    byte[] xlsx = mangled(changes);
    assertThatCode(() -> {
      try {
        SheetReaders.read("answers.xlsx", xlsx);
      } catch (SheetReadException e) {
        if (!e.getMessage().contains("answers.xlsx")) {
          throw new AssertionError("the refusal does not name the file: " + e.getMessage());
        }
      }
    }).doesNotThrowAnyException();
  }

  @Provide
  Arbitrary<List<Change>> changes() {
    return Combinators.combine(Arbitraries.integers().between(0, 1000),
        Arbitraries.integers().between(0, 1_000_000), Arbitraries.integers().between(0, PIECES.size() - 1),
        Arbitraries.integers().between(0, 3).map(k -> k == 0), Arbitraries.integers().between(1, 20))
        .as(Change::new).list().ofMinSize(1).ofMaxSize(3);
  }

  private static byte[] mangled(List<Change> changes) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(BASE))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> xml = new ArrayList<>();
    for (String name : entries.keySet()) {
      if (name.endsWith(".xml") || name.endsWith(".rels")) {
        xml.add(name);
      }
    }
    for (Change c : changes) {
      String name = xml.get(c.part() % xml.size());
      String s = new String(entries.get(name), StandardCharsets.UTF_8);
      int at = c.at() % (s.length() + 1);
      s = c.cut() ? s.substring(0, at) + s.substring(Math.min(s.length(), at + c.length()))
          : s.substring(0, at) + PIECES.get(c.piece()) + s.substring(at);
      entries.put(name, s.getBytes(StandardCharsets.UTF_8));
    }
    return ZipRewrite.zip(entries);
  }
}
