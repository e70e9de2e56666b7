package org.nngrader.grader.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Formula cells as programs other than Excel write them: calculated when the cached value is
 * missing or the workbook asks to be recalculated, refused with the reason (never read as 0)
 * when they cannot be calculated, within a depth and memory budget.
 */
class XlsxFormulaTest {

  private static AnswerSheet read(byte[] xlsx) throws SheetReadException {
    return SheetReaders.read("answers.xlsx", xlsx);
  }

  private static AnswerCell answer(AnswerSheet sheet, String step) {
    return sheet.cells().stream().filter(c -> c.stepId().equals(step)).findFirst().orElseThrow();
  }

  @Test
  void openpyxlFormulasWithoutCachedValuesAreCalculated() throws Exception {
    byte[] xlsx = new HandWrittenXlsx()
        .row("w5+", "<c><f>0.35*0.8</f><v></v></c>")
        .row("w6+", "<c><f>E3*2</f></c>")
        .rawRow("<c r=\"E3\"><v>0.14</v></c>")
        .bytes();

    AnswerSheet sheet = read(xlsx);

    assertThat(answer(sheet, "w5+")).isEqualTo(
        new AnswerCell("w5+", 1, "0.28", 0.28, true, WrittenPrecision.EXACT, null));
    assertThat(answer(sheet, "w6+").numericValue()).isEqualTo(0.28);
    assertThat(sheet.problems()).isEmpty();
  }

  @Test
  void xlsxWriterCachedZerosAreRecalculatedWhenTheWorkbookAsksForIt() throws Exception {
    HandWrittenXlsx f = new HandWrittenXlsx()
        .row("w5+", "<c><f>0.35*0.8</f><v>0</v></c>")
        .row("w6+", "<c><v>0.5</v></c>");

    AnswerSheet trusted = read(f.bytes());
    AnswerSheet recalculated = read(f.fullCalcOnLoad().bytes());

    assertThat(answer(trusted, "w5+").numericValue()).isEqualTo(0.0);
    assertThat(answer(recalculated, "w5+").numericValue()).isEqualTo(0.28);
    assertThat(answer(recalculated, "w6+")).isEqualTo(answer(trusted, "w6+"));
  }

  @Test
  void libreOfficeCachedValuesAreReadWithoutCalculating() throws Exception {
    // LibreOffice writes t="n" or t="str", aca attributes on <f> and the calculated value.
    byte[] xlsx = new HandWrittenXlsx()
        .row("w5+", "<c s=\"0\" t=\"n\"><f aca=\"false\">0.35*0.8</f><v>0.28</v></c>")
        .row("w6+", "<c s=\"0\" t=\"str\"><f aca=\"false\">TEXT(0.5,\"0.00\")</f>"
            + "<v>0.50</v></c>")
        .bytes();

    AnswerSheet sheet = read(xlsx);

    assertThat(answer(sheet, "w5+").numericValue()).isEqualTo(0.28);
    assertThat(answer(sheet, "w6+").written()).isEqualTo("0.50");
  }

  @Test
  void aFormulaThatCannotBeCalculatedIsUnreadableNeverZero() throws Exception {
    byte[] xlsx = new HandWrittenXlsx()
        .row("w5+", "<c><f>NOSUCHFUNCTION(1)</f><v>0</v></c>")
        .fullCalcOnLoad()
        .bytes();

    AnswerCell cell = answer(read(xlsx), "w5+");

    assertThat(cell.numericValue()).isNull();
    assertThat(cell.unreadable()).startsWith("the formula =NOSUCHFUNCTION(1) could not be"
        + " calculated (").endsWith("); type the number instead");
  }

  @Test
  void aCalculatedValueIsKeptWhenRecalculationFailsButNeverXlsxWritersPlaceholderZero()
      throws Exception {
    byte[] xlsx = new HandWrittenXlsx()
        .row("w5+", "<c><f>NOSUCHFUNCTION(1)</f><v>0.75</v></c>")
        .row("w6+", "<c><f>NOSUCHFUNCTION(2)</f><v>0</v></c>")
        .fullCalcOnLoad()
        .bytes();

    AnswerSheet sheet = read(xlsx);

    assertThat(answer(sheet, "w5+").numericValue()).isEqualTo(0.75);
    assertThat(answer(sheet, "w6+").numericValue()).isNull();
    assertThat(answer(sheet, "w6+").unreadable()).contains("could not be calculated");
  }

  /** A chain A1 = A2 + 0.001, A2 = A3 + 0.001, ... of {@code length} formulas on column E. */
  private static HandWrittenXlsx chain(int length) {
    HandWrittenXlsx f = new HandWrittenXlsx().row("w5+", "<c><f>E2</f></c>");
    for (int r = 2; r <= length + 1; r++) {
      String cell = r <= length ? "<c r=\"E" + r + "\"><f>E" + (r + 1) + "+0.001</f></c>"
          : "<c r=\"E" + r + "\"><v>0.5</v></c>";
      f.rawRow(cell);
    }
    return f.row("w6+", "<c><v>0.25</v></c>");
  }

  @Test
  void aLongChainOfFormulasIsRefusedAsTooDeepAndTheRestIsRead() throws Exception {
    AnswerSheet sheet = read(chain(1500).bytes());

    AnswerCell deep = answer(sheet, "w5+");
    assertThat(deep.numericValue()).isNull();
    assertThat(deep.unreadable()).contains("too deeply nested");
    assertThat(answer(sheet, "w6+").numericValue()).isEqualTo(0.25);
    assertThat(sheet.problems()).singleElement().satisfies(p -> assertThat(p.message())
        .contains("=E2 in C1 could not be calculated (the formula is too deeply nested"));
  }

  @Test
  void aShortChainOfFormulasIsCalculatedFromItsFarEnd() throws Exception {
    AnswerSheet sheet = read(chain(FormulaCalculator.MAX_DEPTH - 2).bytes());

    assertThat(answer(sheet, "w5+").numericValue())
        .isCloseTo(0.5 + 0.001 * (FormulaCalculator.MAX_DEPTH - 3),
            org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void aHugeEntryOutsideTheCentralDirectoryNeverReachesPoi() throws Exception {
    byte[] xlsx = HostileFormulaFiles.formulaBesideHiddenHugeEntry();

    byte[] handedToPoi = XlsxWorkbookReader.partsForPoi("a.xlsx", ZipBytes.open(xlsx));

    assertThat(handedToPoi.length).isLessThan(64 * 1024);
    assertThat(new String(handedToPoi, StandardCharsets.ISO_8859_1))
        .doesNotContain(HostileFormulaFiles.HUGE_ENTRY);
    assertThat(answer(read(xlsx), "w5+").numericValue()).isEqualTo(0.28);
  }

  @Test
  void partsBeyondTheBudgetAreRefusedWithAMessage() throws Exception {
    HandWrittenXlsx f = new HandWrittenXlsx().row("w5+", "<c><f>0.35*0.8</f></c>");
    StringBuilder filler = new StringBuilder();
    for (int r = 0; filler.length() < XlsxWorkbookReader.MAX_POI_BYTES; r++) {
      filler.append("<c r=\"F").append(r + 2).append("\"><v>").append(r).append("</v></c>");
    }
    f.rawRow(filler.toString());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(f.bytes()))
        .isInstanceOf(SheetReadException.class)
        .hasMessageContaining("answers.xlsx: its formulas have no calculated values, and its"
            + " parts are larger than the 2 MiB they are calculated within");
  }

  @Test
  void sixHostileFilesOnSixThreadsAreReadInA256MiBHeap() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator
        + "java";
    Process p = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), HostileFormulaFiles.class.getName(), "6", "6"))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(out).contains("6 of 6 read");
    assertThat(p.exitValue()).isZero();
  }
}
