package org.nngrader.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nngrader.bank.math.MathProse;
import org.nngrader.bank.mistake.Misconceptions;
import org.nngrader.grader.batch.GradedSubmission;
import org.nngrader.grader.engine.StepResult;
import org.nngrader.rubric.Reveal;

/**
 * A sheet rounded early at many steps says its rounding note once, above the steps, and every
 * row it concerns points to it; a perfect sheet shows no legend and no sentence about marks.
 */
class SharedNoteReportTest {

  private static final Pattern ROW = Pattern.compile(
      "<tr id=\"step-([0-9]+)\"[\\s\\S]*?</tr>");

  @Test
  void theRoundedEarlyNoteIsSaidOnceAndTheRowsPointToIt() throws Exception {
    GradedSubmission s = ReportFixtures.roundedEarly();
    String note = Misconceptions.ROUNDED_EARLY.feedback();
    List<StepResult> noted = s.result().steps().stream()
        .filter(r -> note.equals(r.note())).toList();
    assertThat(noted).as("steps right only from the rounded values").hasSizeGreaterThan(5);

    String html = StudentReport.html(s, ReportFixtures.T, Reveal.ALL);
    String said = MathProse.html(note, MathProse.names(ReportFixtures.T));
    assertThat(html.split(Pattern.quote(said), -1)).as("the note, said once").hasSize(2);
    assertThat(html).contains("<li id=\"note-1\">" + said + " Steps: ");
    // The misconception it names points to the note too.
    assertThat(html).contains("<h3>Intermediate values rounded too early</h3>")
        .contains("Explained in <a href=\"#note-1\">note 1</a> above the steps.");
    List<String> pointing = new ArrayList<>();
    List<String> linked = new ArrayList<>();
    Matcher row = ROW.matcher(html);
    while (row.find()) {
      if (row.group().contains("See <a href=\"#note-1\">note 1</a> above the steps.")) {
        pointing.add(row.group(1));
      }
    }
    String list = html.substring(html.indexOf("<li id=\"note-1\">"),
        html.indexOf("</li>", html.indexOf("<li id=\"note-1\">")));
    Matcher link = Pattern.compile("href=\"#step-([0-9]+)\"").matcher(list);
    while (link.find()) {
      linked.add(link.group(1));
    }
    assertThat(pointing).as("rows that point to the note").hasSize(noted.size())
        .containsExactlyElementsOf(linked);
    for (String i : linked) {
      assertThat(html).contains("<tr id=\"step-" + i + "\"");
    }

    // The JSON keeps the note on every row it concerns.
    JsonNode steps = new ObjectMapper().readTree(StudentReport.json(s, ReportFixtures.T,
        Reveal.ALL)).get("steps");
    int withNote = 0;
    for (JsonNode st : steps) {
      withNote += note.equals(st.path("note").asText()) ? 1 : 0;
    }
    assertThat(withNote).isEqualTo(noted.size());
  }

  @Test
  void aPerfectReportShowsNoLegendAndNoSentenceAboutMarks() {
    GradedSubmission s = ReportFixtures.allCorrect();
    assertThat(s.result().firstWrongStep()).isEmpty();
    String html = StudentReport.html(s, ReportFixtures.T, Reveal.ALL);
    assertThat(html).contains("<svg ").contains("No step went wrong.")
        .doesNotContain("class=\"legend\"").doesNotContain("Marked:")
        .doesNotContain("No neuron or weight is marked")
        .doesNotContainPattern("class=\"(neuron|edge|weight) (wrong|follow-through)\"")
        .doesNotContain("the wrong quantities are marked");
  }
}
