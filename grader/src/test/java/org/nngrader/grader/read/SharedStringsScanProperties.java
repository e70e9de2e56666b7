package org.nngrader.grader.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The byte scan of shared strings gives what the XML parser gives, or leaves the part to it:
 * on parts built from the forms spreadsheet programs write and from everything that must make
 * the scan give way (rich text, character references, carriage returns, control characters,
 * malformed UTF-8, stray markup, other declarations).
 */
class SharedStringsScanProperties {

  @Property(tries = 3000)
  void theScanReadsWhatTheParserReads(@ForAll("parts") byte[] part) {
    Object parsed = outcome(() -> XlsxParts.parsedSharedStrings("xl/sharedStrings.xml", part));
    Object read = outcome(() -> XlsxParts.sharedStrings("xl/sharedStrings.xml", part));
    List<String> scanned = SharedStringsScan.scan(part, SheetBudget.MAX_SHARED_CHARS);
    Statistics.collect(scanned != null ? "scanned" : "parsed");
    // Both ways are taken often enough to be compared.
    Statistics.coverage(c -> {
      c.check("scanned").percentage(p -> p > 5);
      c.check("parsed").percentage(p -> p > 20);
    });
    assertThat(read).isEqualTo(parsed);
    if (scanned != null) {
      assertThat(scanned).isEqualTo(parsed);
    }
  }

  @Test
  void aSheetPoiWritesIsScannedWithoutTheParser() throws Exception {
    XlsxFixtures sheet = XlsxFixtures.typical(12);
    sheet.text("note", "A question with <markup> & \"quotes\", Zoë, σ(x) and 😀", "  padded  ");
    byte[] part = entry(sheet.bytes(), "xl/sharedStrings.xml");
    List<String> scanned = SharedStringsScan.scan(part, SheetBudget.MAX_SHARED_CHARS);
    assertThat(scanned).isNotNull()
        .isEqualTo(XlsxParts.parsedSharedStrings("xl/sharedStrings.xml", part))
        .contains("A question with <markup> & \"quotes\", Zoë, σ(x) and 😀", "  padded  ");
  }

  @Test
  void textBeyondTheBudgetIsLeftToTheParserWhichRefusesIt() {
    String item = "<si><t>" + "x".repeat(1000) + "</t></si>";
    long items = SheetBudget.MAX_SHARED_CHARS / 1000 + 1;
    byte[] part = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst>" + item.repeat((int) items)
        + "</sst>").getBytes(StandardCharsets.UTF_8);
    assertThat(SharedStringsScan.scan(part, SheetBudget.MAX_SHARED_CHARS)).isNull();
    assertThat(outcome(() -> XlsxParts.sharedStrings("xl/sharedStrings.xml", part)))
        .asString().contains("holds more than");
  }

  @Provide
  Arbitrary<byte[]> parts() {
    // Half of the parts in the forms programs write (the scan reads most of them; a piece of
    // text may still make it give way), half with anything in any place.
    Arbitrary<String> written = part(
        Arbitraries.of("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"),
        Arbitraries.of("", "\n", "\r\n"),
        Arbitraries.of(" xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"",
            " count=\"3\"", " uniqueCount=\"2\""),
        Arbitraries.of("<si><t>", "<si><t xml:space=\"preserve\">"), text(50),
        Arbitraries.of("</t></si>"), Arbitraries.of("</sst>", "</sst>\n"));
    Arbitrary<String> anything = part(
        Arbitraries.of("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<?xml version=\"1.0\"?>", "",
            "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
        Arbitraries.of("", "\n", "\r\n", " ", "\n\n"),
        Arbitraries.of(" xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"",
            " count=\"3\"", " uniqueCount=\"2\"", " count=3", " count='3'", " other=\"1\"",
            "  count=\"3\"", " xmlns:x=\"urn:x\"", " count=\"a&amp;b\"", " count=\"<\"",
            " xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"", " xmlns=\"urn:other\"",
            // namespaces no element may be in: the parser refuses them
            " xmlns=\"http://www.w3.org/XML/1998/namespace\"",
            " xmlns=\"http://www.w3.org/2000/xmlns/\""),
        Arbitraries.of("<si><t>", "<si><t xml:space=\"preserve\">", "<si> <t>", "<si><t >",
            "<si><t xml:space='preserve'>", "<si><r><t>"),
        text(3),
        Arbitraries.of("</t></si>", "</t></r><r><t>b</t></r></si>",
            "</t><rPh><t>p</t></rPh></si>", "</t></si>\n", "</t></si >", "</t>"),
        Arbitraries.of("</sst>", "</sst>\n", "</sst> x", "</sst><!-- c -->", "",
            "<si><t/></si></sst>"));
    Arbitrary<String> xml = Arbitraries.oneOf(written, anything);
    // Now and then a byte that is no UTF-8 in place of one character.
    return Combinators.combine(xml, Arbitraries.integers().between(0, 19),
        Arbitraries.integers().between(0, 10_000)).as((x, broken, at) -> {
          byte[] b = x.getBytes(StandardCharsets.UTF_8);
          if (broken == 0 && b.length > 0) {
            b[at % b.length] = (byte) 0xff;
          } else if (broken == 1 && b.length > 0) {
            b[at % b.length] = (byte) 0xc0;
          }
          return b;
        });
  }

  private static Arbitrary<String> part(Arbitrary<String> declaration, Arbitrary<String> gap,
      Arbitrary<String> attribute, Arbitrary<String> open, Arbitrary<String> text,
      Arbitrary<String> close, Arbitrary<String> end) {
    Arbitrary<String> root = attribute.list().ofMaxSize(3).map(a -> "<sst" + String.join("", a) + ">");
    Arbitrary<String> item = Combinators.combine(open, text, close).as((o, t, c) -> o + t + c);
    return Combinators.combine(declaration, gap, root, item.list().ofMaxSize(6), end)
        .as((d, g, r, items, e) -> d + g + r + String.join("", items) + e);
  }

  /** Text of plain words and entities, with one odd piece in {@code plainToOdd} + 1. */
  private static Arbitrary<String> text(int plainToOdd) {
    Arbitrary<String> piece = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(10 * plainToOdd, Arbitraries.strings().alpha().numeric()
            .withChars(" .,-()'\"/=>").ofMaxLength(12)),
        net.jqwik.api.Tuple.of(plainToOdd, Arbitraries.of("&amp;", "&lt;", "&gt;", "&quot;",
            "&apos;", "é", "σ", "−", "😀", "\u0085", "\t", "\n", "_x000D_", "_x0009_ ",
            "_xZZZZ_")),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("&#65;", "&#x3c3;", "&bogus;", "& ", "&amp",
            "&;", "]]>", "]]", "<", "\r", "\r\n", "\u0001", "\u001f", "\uFFFE", "\uFFFF")));
    return piece.list().ofMaxSize(8).map(p -> String.join("", p));
  }

  @FunctionalInterface
  private interface Read {
    List<String> read() throws XlsxParts.BadPart;
  }

  /** The strings, or the refusal's message. */
  private static Object outcome(Read read) {
    try {
      return read.read();
    } catch (XlsxParts.BadPart e) {
      return "refused: " + e.getMessage();
    }
  }

  private static byte[] entry(byte[] zip, String name) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(name)) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          in.transferTo(out);
          return out.toByteArray();
        }
      }
    }
    throw new AssertionError(name + " is not in the workbook");
  }
}
