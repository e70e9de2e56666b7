package org.nngrader.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.nngrader.bank.template.Templates;
import org.nngrader.cli.CliRun;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * The pages as people see them, in headless Chromium (Debian's chromium and chromedriver; {@code
 * .ci/run} installs them): a problem sheet, a worked solution, a report with mistakes and the
 * class summary at 1280 px and at 390 px (a phone). At 390 px nothing is wider than the screen;
 * every formula is rendered MathML (no plain-text formula left); no number is broken across
 * lines; no formula is wider than its box (formulas wrap between terms); the network drawing's
 * labels and the summary's chart labels are at least 10 px on a phone (the drawing for every
 * built-in template) and do not overlap; and every built-in template's problem sheet prints on
 * at most 2 A4 pages. Screenshots
 * of every page at both widths are kept in {@code target/pages/} for a person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesInBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target", "pages");

  @TempDir static Path tmp;
  private ChromeDriver browser;
  private Path set;
  private Path results;

  @BeforeAll
  void generateGradeAndOpenTheBrowser() throws IOException {
    assertThat(CHROMIUM).as("headless Chromium is needed: apt-get install chromium"
        + " chromium-driver (.ci/run does it)").isExecutable();
    assertThat(CHROMEDRIVER).as("apt-get install chromium-driver").isExecutable();
    Path roster = tmp.resolve("roster.csv");
    StringBuilder r = new StringBuilder("student_id,name\n");
    for (int i = 1; i <= 12; i++) {
      r.append(String.format("s%03d,Student <%d> =HYPERLINK(\"x\")%n", i, i));
    }
    Files.writeString(roster, r.toString());
    for (String t : Templates.all().stream().map(org.nngrader.bank.template.Template::id).toList()) {
      Path out = tmp.resolve("set-" + t);
      CliRun g = CliRun.run("generate", "--template", t, "--roster", roster.toString(), "--seed",
          "7", "--out", out.toString());
      assertThat(g.code()).as(g.err()).isZero();
    }
    set = tmp.resolve("set-sigmoid-2-2-2");
    Path subs = tmp.resolve("subs");
    assertThat(CliRun.run("simulate", "--set", set.toString(), "--out", subs.toString(),
        "--seed", "3").code()).isZero();
    results = tmp.resolve("results");
    CliRun grade = CliRun.run("grade", "--set", set.toString(), "--submissions", subs.toString(),
        "--out", results.toString());
    assertThat(grade.code()).as(grade.err()).isIn(0, 1);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private Map<String, Path> pages() throws IOException {
    return Map.of(
        "problem", set.resolve("handout/s001/problem.html"),
        "solution", set.resolve("key/s001/solution.html"),
        "report", reportWithMistakes(),
        "summary", results.resolve("summary.html"));
  }

  private Path reportWithMistakes() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(results)) {
      for (Path dir : files.sorted().toList()) {
        Path report = dir.resolve("report.json");
        if (Files.isRegularFile(report)) {
          JsonNode steps = json.readTree(report.toFile()).path("steps");
          int wrong = 0;
          for (JsonNode s : steps) {
            String v = s.path("verdict").asText();
            wrong += v.equals("correct") || v.equals("follow-through") ? 0 : 1;
          }
          if (wrong >= 2) {
            return dir.resolve("report.html");
          }
        }
      }
    }
    throw new AssertionError("no report with two or more wrong steps in " + results);
  }

  private Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private void open(Path page, int width) {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
    browser.get(page.toUri().toString());
    // The window has frame and no scrollbars are shown (--hide-scrollbars): correct the
    // viewport to exactly the width asked.
    long inner = (Long) js("return window.innerWidth;");
    if (inner != width) {
      browser.manage().window().setSize(
          new org.openqa.selenium.Dimension((int) (2 * width - inner), 900));
      browser.get(page.toUri().toString());
    }
    assertThat((Long) js("return window.innerWidth;")).isEqualTo(width);
  }

  @Test
  void everyPageFitsAPhoneAndRendersItsMath() throws IOException {
    List<String> problems = new ArrayList<>();
    List<String> sizes = new ArrayList<>();
    for (Map.Entry<String, Path> e : pages().entrySet()) {
      for (int width : new int[] {1280, 390}) {
        open(e.getValue(), width);
        screenshot(e.getKey() + "-" + width);
        String where = e.getKey() + " at " + width + " px";
        if (width == 390) {
          long scroll = (Long) js("return document.documentElement.scrollWidth;");
          if (scroll > 390) {
            problems.add(where + ": laid out " + scroll + " px wide (" + js(WIDEST) + ")");
          }
        }
        Object broken = js(BROKEN_NUMBERS);
        if (!"".equals(broken)) {
          problems.add(where + ": numbers broken across lines: " + broken);
        }
        long maths = (Long) js("return document.querySelectorAll('math').length;");
        long unrendered = (Long) js("return [...document.querySelectorAll('math')]"
            + ".filter(m => m.getBoundingClientRect().width === 0"
            + " || !getComputedStyle(m).display.includes('math')).length;");
        if (maths < 10 || unrendered > 0) {
          problems.add(where + ": " + maths + " MathML formulas, " + unrendered
              + " not rendered as MathML");
        }
        String text = (String) js("return [...document.body.querySelectorAll('*')]"
            + ".filter(n => !n.closest('math, code, svg, title, script, style'))"
            + ".flatMap(n => [...n.childNodes]).filter(n => n.nodeType === 3)"
            + ".map(n => n.textContent).join(' ');");
        Matcher ascii = ASCII_FORMULA.matcher(text);
        if (ascii.find()) {
          int from = Math.max(0, ascii.start() - 40);
          problems.add(where + ": a formula in plain text: '" + ascii.group() + "' in '"
              + text.substring(from, Math.min(text.length(), ascii.end() + 20)) + "'");
        }
        if (!e.getKey().equals("summary")) {
          String diagram = (String) js(DIAGRAM_LABELS);
          sizes.add(where + ": " + diagram);
          double smallest = Double.parseDouble(diagram.split(" ")[0]);
          if (smallest < 10) {
            problems.add(where + ": a network label is " + diagram + " px");
          }
          if (diagram.contains("overlap")) {
            problems.add(where + ": network labels " + diagram);
          }
        }
        Object clipped = js(CLIPPED_FORMULAS);
        if (!"".equals(clipped)) {
          problems.add(where + ": formulas wider than their box: " + clipped);
        }
        if (e.getKey().equals("summary")) {
          double chart = ((Number) js(SMALLEST_CHART_LABEL)).doubleValue();
          if (chart < 10) {
            problems.add(where + ": a chart label is " + chart + " px");
          }
        }
        if (e.getKey().equals("report") && width == 390) {
          long hidden = (Long) js("return [...document.querySelectorAll('td[data-label]')]"
              + ".filter(td => ['Verdict','Points','Feedback'].includes(td.dataset.label))"
              + ".filter(td => { const r = td.getBoundingClientRect();"
              + " return r.width === 0 || r.right > 390 || r.left < 0; }).length;");
          if (hidden > 0) {
            problems.add(where + ": " + hidden + " verdict, points or feedback cells off-screen");
          }
        }
      }
    }
    Files.write(SHOTS.resolve("diagram-labels.txt"), sizes);
    assertThat(problems).isEmpty();
  }

  @Test
  void everyBuiltinNetworkDrawingIsLegibleOnAPhone() throws IOException {
    List<String> problems = new ArrayList<>();
    List<String> sizes = new ArrayList<>();
    for (String t : Templates.all().stream().map(org.nngrader.bank.template.Template::id).toList()) {
      for (String page : List.of("handout/s001/problem.html", "key/s001/solution.html")) {
        open(tmp.resolve("set-" + t).resolve(page), 390);
        String diagram = (String) js(DIAGRAM_LABELS);
        sizes.add(t + " " + page + " at 390 px: " + diagram);
        if (Double.parseDouble(diagram.split(" ")[0]) < 10 || diagram.contains("overlap")) {
          problems.add(t + " " + page + ": " + diagram);
        }
        long scroll = (Long) js("return document.documentElement.scrollWidth;");
        if (scroll > 390) {
          problems.add(t + " " + page + ": laid out " + scroll + " px wide (" + js(WIDEST) + ")");
        }
        Object clipped = js(CLIPPED_FORMULAS);
        if (!"".equals(clipped)) {
          problems.add(t + " " + page + ": formulas wider than their box: " + clipped);
        }
      }
    }
    Files.write(SHOTS.resolve("diagram-labels-builtin.txt"), sizes);
    assertThat(problems).isEmpty();
  }

  @Test
  void everyBuiltinProblemSheetPrintsOnAtMostTwoA4Pages() throws IOException {
    List<String> problems = new ArrayList<>();
    List<String> counts = new ArrayList<>();
    for (String t : Templates.all().stream().map(org.nngrader.bank.template.Template::id).toList()) {
      Path page = tmp.resolve("set-" + t).resolve("handout/s001/problem.html");
      open(page, 1280);
      PrintOptions a4 = new PrintOptions();
      a4.setPageSize(new PageSize(29.7, 21.0));
      byte[] pdf = Base64.getDecoder().decode(browser.print(a4).getContent());
      Files.write(SHOTS.resolve("problem-" + t + ".pdf"), pdf);
      int pages = pageCount(pdf);
      assertThat(pages).as(t).isPositive();
      counts.add(t + ": " + pages + " A4 pages (" + Templates.builtin(t).asked().size()
          + " steps)");
      if (pages > 2) {
        problems.add(t + ": " + pages + " A4 pages");
      }
    }
    Files.write(SHOTS.resolve("print-pages.txt"), counts);
    assertThat(problems).isEmpty();
  }

  @Test
  void rosterNamesAreTextInTheSummaryAndTheReports() throws IOException {
    String summary = Files.readString(results.resolve("summary.html"));
    assertThat(summary).contains("Student &lt;1&gt;").doesNotContain("Student <1>");
    open(results.resolve("summary.html"), 1280);
    assertThat((Long) js("return document.querySelectorAll('a[href=\"x\"]').length;")).isZero();
    assertThat(Files.readString(reportWithMistakes())).doesNotContain("<" + "1>");
  }

  @Test
  void aNoteSharedByRowsIsSaidOnceAndEveryPointerFindsIt() throws IOException {
    List<String> problems = new ArrayList<>();
    int reports = 0;
    try (Stream<Path> files = Files.walk(results)) {
      for (Path report : files.filter(f -> f.endsWith("report.html")).sorted().toList()) {
        open(report, 1280);
        reports++;
        Object repeated = js(REPEATED_NOTES);
        if (!"".equals(repeated)) {
          problems.add(results.relativize(report) + ": " + repeated);
        }
      }
    }
    assertThat(reports).isGreaterThan(10);
    assertThat(problems).isEmpty();
  }

  /**
   * The check above reads the notes as the page shows them, so a note with a formula in it
   * (MathML, which a plain-text pattern over the HTML cannot follow) counts like any other.
   */
  @Test
  void theNoteCheckReadsNotesWithFormulasInThem() throws IOException {
    String w5 = "<math><semantics><msub><mi>w</mi><mn>5</mn></msub>"
        + "<annotation encoding=\"text/plain\">w5</annotation></semantics></math>";
    String shared = "Rounded before <span style=\"white-space:nowrap\">" + w5 + ".</span>";
    Path page = tmp.resolve("notes.html");
    Files.writeString(page, "<!DOCTYPE html><html><body>"
        + "<ol class=\"notes\"><li id=\"note-1\">" + shared + " Steps: <a href=\"#step-0\">"
        + w5 + "</a>.</li></ol><table><tr id=\"step-0\"><td>"
        + "<p class=\"note\">Read as <math><mn>0.50</mn></math> from " + w5 + ".</p>"
        + "<p class=\"note\">See <a href=\"#note-1\">note 1</a> above the steps.</p></td></tr>"
        + "<tr><td><p class=\"note\">Read as <math><mn>0.25</mn></math> from " + w5 + ".</p>"
        + "<p class=\"note\">See <a href=\"#note-1\">note 1</a> above the steps.</p></td></tr>"
        + "</table></body></html>");
    open(page, 1280);
    assertThat(js(REPEATED_NOTES)).isEqualTo("");
    Files.writeString(page, Files.readString(page)
        .replace("<math><mn>0.25</mn></math>", "<math><mn>0.50</mn></math>")
        .replace("See <a href=\"#note-1\">note 1</a> above the steps.</p></td></tr></table>",
            shared + "</p></td></tr></table><a href=\"#note-2\">note 2</a>"));
    open(page, 1280);
    assertThat((String) js(REPEATED_NOTES)).contains("said twice: Read as 0.50 from w5.")
        .contains("said above the steps and in a row: Rounded before w5.")
        .contains("nothing at #note-2");
  }

  /**
   * A report's row notes said more than once, or also above the steps, compared by the text a
   * reader sees (MathML's plain-text annotations left out), and links that lead nowhere.
   */
  private static final String REPEATED_NOTES = "const text = el => { const c = el.cloneNode(true);"
      + "  c.querySelectorAll('annotation').forEach(a => a.remove());"
      + "  return c.textContent.replace(/\\s+/g, ' ').trim(); };"
      + "const shared = [...document.querySelectorAll('ol.notes > li')].map(text);"
      + "const seen = new Set(); const out = [];"
      + "for (const p of document.querySelectorAll('p.note')) {"
      + "  if (p.querySelector('a[href^=\"#note-\"]')) continue;"
      + "  const t = text(p);"
      + "  if (seen.has(t)) out.push('said twice: ' + t);"
      + "  if (shared.some(s => s.startsWith(t))) out.push('said above the steps and in a row: ' + t);"
      + "  seen.add(t);"
      + "}"
      + "for (const a of document.querySelectorAll('a[href^=\"#\"]')) {"
      + "  const id = a.getAttribute('href').slice(1);"
      + "  if (!document.getElementById(id)) out.push('nothing at #' + id);"
      + "}"
      + "return out.join(' | ');";

  /** Pages of a PDF as Chromium writes it: one {@code /Type /Page} object per page. */
  static int pageCount(byte[] pdf) {
    Matcher m = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])")
        .matcher(new String(pdf, StandardCharsets.ISO_8859_1));
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private void screenshot(String name) throws IOException {
    long height = (Long) js("return document.documentElement.scrollHeight;");
    long width = (Long) js("return window.innerWidth;");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(
        browser.manage().window().getSize().width, (int) Math.min(height + 100, 6000)));
    Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(
        browser.manage().window().getSize().width, 900));
    assertThat((Long) js("return window.innerWidth;")).isEqualTo(width);
  }

  /**
   * Plain-text formulas the graph prints, which the pages must show as MathML, in tables and in
   * sentences alike (descriptions, questions, feedback, notes); the ids under the formulas in
   * {@code <code>}, as the answer sheet names them, are not searched.
   */
  private static final Pattern ASCII_FORMULA =
      Pattern.compile("e\\^\\(|1/\\(1|\\)\\^2|\\bd[A-Za-z_0-9]+/d[A-Za-z_0-9]+|\\w\\*\\(1 - ");

  /**
   * The network drawing's smallest label as rendered (font size in CSS px, the drawing's scale
   * applied), the text it is on, and any two labels whose boxes overlap.
   */
  private static final String DIAGRAM_LABELS = "const svg = document.querySelector('svg.network');"
      + "if (!svg) return '0 (no network drawing)';"
      + "let min = 1e9, at = '';"
      + "const texts = [...svg.querySelectorAll('text')];"
      + "for (const t of texts) {"
      + "  const m = t.getScreenCTM(); const px = parseFloat(getComputedStyle(t).fontSize)"
      + "      * Math.hypot(m.a, m.b);"
      + "  if (px < min) { min = px; at = t.textContent; }"
      + "}"
      + "const boxes = texts.map(t => [t.textContent, t.getBoundingClientRect()]);"
      + "const overlaps = [];"
      + "for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {"
      + "  const a = boxes[i][1], b = boxes[j][1];"
      + "  if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1"
      + "      && b.top < a.bottom - 1) overlaps.push(boxes[i][0] + ' / ' + boxes[j][0]);"
      + "}"
      + "return min.toFixed(2) + ' (' + at + ', ' + texts.length + ' labels, drawing '"
      + "    + Math.round(svg.getBoundingClientRect().width) + ' px wide)'"
      + "    + (overlaps.length ? ' overlap: ' + overlaps.slice(0, 3).join(', ') : '');";

  /**
   * Formula boxes whose content is wider than they are (cut off, or to be scrolled sideways):
   * a formula wraps between its terms instead.
   */
  private static final String CLIPPED_FORMULAS = "return [...document.querySelectorAll('.formula')]"
      + ".filter(f => f.scrollWidth > f.clientWidth + 1)"
      + ".slice(0, 3).map(f => f.textContent.slice(0, 60)).join(' | ');";

  /** The smallest label of the summary's charts as rendered, in CSS px (the scale applied). */
  private static final String SMALLEST_CHART_LABEL = "let min = 1e9;"
      + "for (const t of document.querySelectorAll('svg[id^=chart] text')) {"
      + "  const m = t.getScreenCTM(); if (!t.textContent.trim()) continue;"
      + "  min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b));"
      + "}"
      + "return min;";

  /** Elements wider than the page, for the message. */
  private static final String WIDEST = "return [...document.body.querySelectorAll('*')]"
      + ".filter(e => e.getBoundingClientRect().right > 391)"
      + ".slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ');";

  /** Numbers (MathML numbers, answers, points, values) whose text runs over two lines. */
  private static final String BROKEN_NUMBERS = "const out = [];"
      + "for (const el of document.querySelectorAll('mn, td.num, td.value, td.answer code,"
      + " dl.details dd')) {"
      + "  const text = el.textContent.trim();"
      + "  if (!/[0-9]/.test(text) || el.closest('.formula') && el.tagName !== 'mn') continue;"
      + "  const r = document.createRange(); r.selectNodeContents(el);"
      + "  const tops = new Set([...r.getClientRects()].filter(x => x.width > 0)"
      + "      .map(x => Math.round(x.top)));"
      + "  if (tops.size > 1 && /^[-+0-9.eE\\u2212 /%]+$/.test(text)) out.push(text);"
      + "}"
      + "return out.slice(0, 5).join(' | ');";
}
