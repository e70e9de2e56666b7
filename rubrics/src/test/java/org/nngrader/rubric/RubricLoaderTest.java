package org.nngrader.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RubricLoaderTest {

  static List<RubricDiagnostic> problems(String yaml) {
    try {
      RubricLoader.parse(yaml, "rubric.yaml");
    } catch (RubricException e) {
      assertThat(e.diagnostics()).isNotEmpty();
      return e.diagnostics();
    }
    throw new AssertionError("expected the rubric to be rejected:\n" + yaml);
  }

  /** The single problem in {@code yaml}, checked for file, line and field. */
  static RubricDiagnostic only(String yaml, int line, String field) {
    List<RubricDiagnostic> found = problems(yaml);
    assertThat(found).as("%s", found).hasSize(1);
    RubricDiagnostic problem = found.get(0);
    assertThat(problem.file()).isEqualTo("rubric.yaml");
    assertThat(problem.line()).as(problem.format()).isEqualTo(line);
    assertThat(problem.field()).isEqualTo(field);
    return problem;
  }

  // ---------------------------------------------------------------- valid files

  @Test
  void readsEveryField() {
    Rubric rubric =
        RubricLoader.parse(
            """
            name: strict-2-2-2
            description: Strict.
            points: 1.5
            tolerance: {significantFigures: 4}
            steps:
              - match: "dE_total/dw*"
                points: 2
                tolerance: {relative: 0.001}
              - match: "w*+"
                tolerance: {decimalPlaces: 5}
              - match: "E_total@1"
                tolerance: {absolute: 0.000001}
              - match: "E_total@10000"
                tolerance: {absolute: 0.000001, relative: 0.01}
            followThrough: {credit: 0.5, rejectTrivialInputs: false}
            misconceptionCredit: 0.25
            roundingNoteCredit: 0.75
            reveal: [formulas]
            late: {policy: zero-after, date: 2026-12-01T23:59:00-05:00, fraction: 0.1}
            """,
            "rubric.yaml");
    assertThat(rubric.name()).isEqualTo("strict-2-2-2");
    assertThat(rubric.description()).isEqualTo("Strict.");
    assertThat(rubric.defaultPoints()).isEqualTo(1.5);
    assertThat(rubric.defaultTolerance()).isEqualTo(Tolerance.significantFigures(4));
    assertThat(rubric.steps()).extracting(StepRule::match)
        .containsExactly("dE_total/dw*", "w*+", "E_total@1", "E_total@10000");
    assertThat(rubric.pointsFor("dE_total/dw5")).isEqualTo(2);
    assertThat(rubric.pointsFor("w5+")).isEqualTo(1.5);
    assertThat(rubric.toleranceFor("dE_total/dw5")).isEqualTo(Tolerance.relative(0.001));
    assertThat(rubric.toleranceFor("w5+")).isEqualTo(Tolerance.decimalPlaces(5));
    assertThat(rubric.toleranceFor("E_total@1")).isEqualTo(Tolerance.absolute(1e-6));
    assertThat(rubric.toleranceFor("E_total@10000")).isEqualTo(Tolerance.combined(1e-6, 0.01));
    assertThat(rubric.toleranceFor("net_h1")).isEqualTo(Tolerance.significantFigures(4));
    assertThat(rubric.followThrough()).isEqualTo(new FollowThroughPolicy(0.5, false));
    assertThat(rubric.misconceptionCredit()).isEqualTo(0.25);
    assertThat(rubric.roundingNoteCredit()).isEqualTo(0.75);
    assertThat(rubric.reveal()).isEqualTo(new Reveal(false, true));
    assertThat(rubric.late())
        .isEqualTo(LatePolicy.zeroAfter(Instant.parse("2026-12-02T04:59:00Z"), 0.1));
  }

  @Test
  void anEmptyMapIsTheDefaultRubricNamedAfterTheFile() {
    Rubric rubric = RubricLoader.parse("{}", "course/hw2.yaml");
    assertThat(rubric).isEqualTo(Rubric.defaults("hw2"));
  }

  @Test
  void revealAndLateHaveShortForms() {
    assertThat(RubricLoader.parse("reveal: nothing", "r.yaml").reveal()).isEqualTo(Reveal.NOTHING);
    assertThat(RubricLoader.parse("reveal: []", "r.yaml").reveal()).isEqualTo(Reveal.NOTHING);
    assertThat(RubricLoader.parse("reveal: values", "r.yaml").reveal())
        .isEqualTo(new Reveal(true, false));
    assertThat(RubricLoader.parse("reveal: [formulas, values]", "r.yaml").reveal())
        .isEqualTo(Reveal.ALL);
    assertThat(RubricLoader.parse("late: none", "r.yaml").late()).isEqualTo(LatePolicy.NONE);
    assertThat(RubricLoader.parse("late: {policy: none}", "r.yaml").late())
        .isEqualTo(LatePolicy.NONE);
    assertThat(RubricLoader.parse("late: {policy: fraction-off, fraction: 0.1}", "r.yaml").late())
        .isEqualTo(LatePolicy.fractionOff(0.1));
    assertThat(RubricLoader.parse("late: {policy: zero-after, date: 2026-12-01T23:59:00Z}",
        "r.yaml").late())
        .isEqualTo(LatePolicy.zeroAfter(Instant.parse("2026-12-01T23:59:00Z"), 0));
  }

  @Test
  void wholeNumbersMayBeWrittenWithADecimalPoint() {
    assertThat(RubricLoader.parse("tolerance: {significantFigures: 4.0}", "r.yaml")
        .defaultTolerance()).isEqualTo(Tolerance.significantFigures(4));
  }

  @Test
  void booleansAcceptYamlSpellings() {
    assertThat(RubricLoader.parse("followThrough: {rejectTrivialInputs: no}", "r.yaml")
        .followThrough().rejectTrivialInputs()).isFalse();
    assertThat(RubricLoader.parse("followThrough: {rejectTrivialInputs: True}", "r.yaml")
        .followThrough().rejectTrivialInputs()).isTrue();
  }

  @Test
  void loadsAFileAndNamesItInDiagnostics(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("hw3.yml");
    Files.writeString(good, "points: 2\n", StandardCharsets.UTF_8);
    assertThat(RubricLoader.load(good).name()).isEqualTo("hw3");
    assertThat(RubricLoader.load(good).defaultPoints()).isEqualTo(2);

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "name: bad\npoints: -1\n", StandardCharsets.UTF_8);
    try {
      RubricLoader.load(bad);
      throw new AssertionError("expected a RubricException");
    } catch (RubricException e) {
      assertThat(e.getMessage()).isEqualTo(bad + " line 2: points is -1; it must be at least 0");
    }
  }

  @Test
  void aMissingOrUnreadableFileIsADiagnostic(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("nope.yaml");
    assertThat(diagnosticsOfLoad(missing))
        .singleElement()
        .satisfies(d -> {
          assertThat(d.file()).isEqualTo(missing.toString());
          assertThat(d.line()).isZero();
          assertThat(d.message()).startsWith("no such file; check the path, or name a built-in"
              + " rubric (default, relu-2-1-1,");
        });
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9});
    assertThat(diagnosticsOfLoad(latin1)).singleElement()
        .extracting(RubricDiagnostic::message).isEqualTo("is not UTF-8 text; save it as UTF-8");
  }

  private static List<RubricDiagnostic> diagnosticsOfLoad(Path file) {
    try {
      RubricLoader.load(file);
    } catch (RubricException e) {
      return e.diagnostics();
    }
    throw new AssertionError("expected a RubricException for " + file);
  }

  // ---------------------------------------------------------------- numbers out of range

  @Test
  void theStyleGuideExample() {
    String yaml =
        """
        # A rubric with a negative relative tolerance on line 12.
        name: example
        description: The example from the style guide.
        points: 1
        steps:
          - match: "dE_total/dw*"
            points: 2
        followThrough:
          credit: 1.0
        tolerance:
          absolute: 0.0001
          relative: -0.1
        """;
    try {
      RubricLoader.parse(yaml, "rubric.yaml");
      throw new AssertionError("expected a RubricException");
    } catch (RubricException e) {
      assertThat(e.getMessage())
          .isEqualTo("rubric.yaml line 12: tolerance.relative is -0.1; it must be between 0 and 1");
      assertThat(e.diagnostics()).singleElement()
          .isEqualTo(new RubricDiagnostic("rubric.yaml", 12, 13, "tolerance.relative",
              "tolerance.relative is -0.1; it must be between 0 and 1"));
    }
  }

  @Test
  void negativeDefaultPoints() {
    assertThat(only("name: t\npoints: -2\n", 2, "points").message())
        .isEqualTo("points is -2; it must be at least 0");
  }

  @Test
  void negativeStepPoints() {
    String yaml = """
        name: t
        steps:
          - match: "w*+"
            points: -0.5
        """;
    assertThat(only(yaml, 4, "steps[0].points").message())
        .isEqualTo("steps[0].points is -0.5; it must be at least 0");
  }

  @Test
  void infinitePoints() {
    assertThat(only("points: 1e999\n", 1, "points").message())
        .isEqualTo("points is 1e999; it must be at least 0");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "followThrough: {credit: 1.5}|followThrough.credit|1.5",
        "misconceptionCredit: -0.1|misconceptionCredit|-0.1",
        "roundingNoteCredit: 2|roundingNoteCredit|2",
        "late: {policy: fraction-off, fraction: 1.1}|late.fraction|1.1",
        "tolerance: {relative: 1.01}|tolerance.relative|1.01",
      })
  void fractionsOutsideZeroToOne(String line, String field, String value) {
    assertThat(only("name: t\n" + line + "\n", 2, field).message())
        .isEqualTo(field + " is " + value + "; it must be between 0 and 1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "significantFigures: 0|tolerance.significantFigures|0|1",
        "significantFigures: 16|tolerance.significantFigures|16|1",
        "significantFigures: 4.5|tolerance.significantFigures|4.5|1",
        "decimalPlaces: -1|tolerance.decimalPlaces|-1|0",
        "decimalPlaces: 99|tolerance.decimalPlaces|99|0",
      })
  void digitsOutOfRange(String mode, String field, String value, int min) {
    assertThat(only("tolerance: {" + mode + "}\n", 1, field).message())
        .isEqualTo(field + " is " + value + "; it must be a whole number from " + min + " to 15");
  }

  @Test
  void negativeAbsoluteTolerance() {
    String yaml = "steps:\n  - match: L\n    tolerance:\n      absolute: -0.001\n";
    assertThat(only(yaml, 4, "steps[0].tolerance.absolute").message())
        .isEqualTo("steps[0].tolerance.absolute is -0.001; it must be at least 0");
  }

  // ---------------------------------------------------------------- unknown names

  @Test
  void unknownTopLevelFieldNamesTheValidOnesAndTheClosest() {
    assertThat(only("name: t\ntollerance: {relative: 0.1}\n", 2, "tollerance").message())
        .isEqualTo("tollerance is not a rubric field; valid fields: name, description, points,"
            + " tolerance, steps, followThrough, misconceptionCredit, roundingNoteCredit,"
            + " reveal, late, precision, guessable (did you mean tolerance?)");
    assertThat(only("grading: strict\n", 1, "grading").message())
        .doesNotContain("did you mean");
  }

  @Test
  void unknownToleranceMode() {
    assertThat(only("tolerance:\n  percent: 1\n", 2, "tolerance.percent").message())
        .isEqualTo("tolerance.percent is not a tolerance mode; valid modes: absolute, relative,"
            + " significantFigures, decimalPlaces");
    assertThat(only("tolerance: {significant-figures: 4}\n", 1, "tolerance.significant-figures")
        .message()).endsWith("(did you mean significantFigures?)");
  }

  @Test
  void unknownFieldsInNestedMaps() {
    assertThat(only("steps:\n  - match: L\n    pionts: 2\n", 3, "steps[0].pionts").message())
        .isEqualTo("steps[0].pionts is not a step rule field; valid fields: match, points,"
            + " tolerance (did you mean points?)");
    assertThat(only("followThrough:\n  credits: 0.5\n", 2, "followThrough.credits").message())
        .isEqualTo("followThrough.credits is not a followThrough field; valid fields: credit,"
            + " rejectTrivialInputs (did you mean credit?)");
    assertThat(only("late: {policy: none, deadline: 2026-12-01T23:59:00Z}\n", 1, "late.deadline")
        .message()).isEqualTo("late.deadline is not a late field; valid fields: policy,"
            + " fraction, date");
  }

  @Test
  void duplicateKeys() {
    assertThat(only("points: 1\nname: x\npoints: 2\n", 3, "points").message())
        .isEqualTo("points appears twice (first on line 1); keep one");
  }

  // ---------------------------------------------------------------- step rules

  @Test
  void patternWithWhiteSpace() {
    String yaml = "steps:\n  - match: \"dE_total / dw5\"\n    points: 2\n";
    assertThat(only(yaml, 2, "steps[0].match").message())
        .startsWith("steps[0].match 'dE_total / dw5' contains white space; step ids never do");
  }

  @Test
  void emptyPattern() {
    assertThat(only("steps:\n  - {match: '', points: 2}\n", 2, "steps[0].match").message())
        .startsWith("steps[0].match '' is empty; give a step id such as 'dE_total/dw5'");
  }

  @Test
  void unquotedPatternStartingWithAStarIsAnAlias() {
    List<RubricDiagnostic> found = problems("steps:\n  - match: *@10000\n    points: 2\n");
    assertThat(found).extracting(RubricDiagnostic::line).contains(2);
    assertThat(found).extracting(RubricDiagnostic::message)
        .anySatisfy(m -> assertThat(m).contains("quote a step pattern that starts with *"));
  }

  @Test
  void ruleWithoutMatch() {
    assertThat(only("steps:\n  - points: 2\n", 2, "steps[0]").message())
        .isEqualTo("steps[0] has no match; give a step id or a pattern, such as match:"
            + " 'dE_total/dw*'");
  }

  @Test
  void ruleThatSetsNothing() {
    assertThat(only("steps:\n  - {match: L, points: 2}\n  - match: w5+\n", 3, "steps[1]").message())
        .isEqualTo("steps[1] (match 'w5+') sets neither points nor tolerance; add one or remove"
            + " the rule");
  }

  @Test
  void ruleThatIsNotAMap() {
    assertThat(only("steps:\n  - {match: L, points: 2}\n  - w5+\n", 3, "steps[1]").message())
        .startsWith("steps[1] is 'w5+'; it must be a map with match and points and/or tolerance");
  }

  @Test
  void aSettingHiddenByAnEarlierBroaderRuleIsAnError() {
    String yaml =
        """
        steps:
          - match: "dE_total/*"
            points: 2
          - match: "dE_total/dw5"
            points: 3
            tolerance: {relative: 0.01}
        """;
    assertThat(only(yaml, 5, "steps[1].points").message())
        .isEqualTo("steps[1].points never applies: steps[0] (match 'dE_total/*', line 3) already"
            + " sets points for every step 'dE_total/dw5' matches, and the first matching rule"
            + " wins; move this rule above it or remove it");
  }

  @Test
  void aRepeatedPatternIsHidden() {
    String yaml = "steps:\n  - {match: L, points: 2}\n  - {match: L, points: 3}\n";
    assertThat(only(yaml, 3, "steps[1].points").message()).contains("never applies");
  }

  @Test
  void aNarrowRuleBeforeABroadOneIsFine() {
    Rubric rubric =
        RubricLoader.parse(
            """
            steps:
              - {match: "dE_total/dw5", points: 3}
              - {match: "dE_total/*", points: 2}
              - {match: "dE_total/*", tolerance: {relative: 0.01}}
            """,
            "rubric.yaml");
    assertThat(rubric.pointsFor("dE_total/dw5")).isEqualTo(3);
    assertThat(rubric.pointsFor("dE_total/dw1")).isEqualTo(2);
    assertThat(rubric.toleranceFor("dE_total/dw5")).isEqualTo(Tolerance.relative(0.01));
  }

  // ---------------------------------------------------------------- tolerance shapes

  @Test
  void significantFiguresDoNotCombine() {
    assertThat(only("tolerance:\n  absolute: 0.01\n  significantFigures: 3\n", 3,
        "tolerance.significantFigures").message())
        .isEqualTo("tolerance combines significantFigures with absolute; only absolute and"
            + " relative combine (|a - b| <= absolute + relative * |b|), significantFigures"
            + " stands alone");
  }

  @Test
  void emptyTolerance() {
    assertThat(only("name: t\ntolerance: {}\n", 2, "tolerance").message())
        .isEqualTo("tolerance is empty; give absolute and/or relative, or significantFigures, or"
            + " decimalPlaces");
  }

  // ---------------------------------------------------------------- late policy

  @Test
  void unknownLatePolicy() {
    assertThat(only("late:\n  policy: fraction_off\n  fraction: 0.1\n", 2, "late.policy")
        .message())
        .isEqualTo("late.policy is 'fraction_off'; valid policies: none, fraction-off,"
            + " zero-after (did you mean fraction-off?)");
  }

  @Test
  void lateAsAnUnknownWord() {
    assertThat(only("late: weekly\n", 1, "late").message())
        .startsWith("late is 'weekly'; it must be none, or a map such as {policy: fraction-off,");
  }

  @Test
  void lateWithoutPolicy() {
    assertThat(only("name: t\nlate: {fraction: 0.1}\n", 2, "late.policy").message())
        .isEqualTo("late has no policy; valid policies: none, fraction-off, zero-after");
  }

  @Test
  void dateWithoutTimeOrZone() {
    assertThat(only("late:\n  policy: zero-after\n  date: 2026-12-01\n", 3, "late.date")
        .message())
        .isEqualTo("late.date is '2026-12-01'; it must be a date and time with a time zone, such"
            + " as 2026-12-01T23:59:00Z (UTC) or 2026-12-01T23:59:00-05:00");
    assertThat(only("late: {policy: zero-after, date: 2026-12-01T23:59:00}\n", 1, "late.date")
        .message()).startsWith("late.date is '2026-12-01T23:59:00'; it must be");
    assertThat(only("late: {policy: zero-after, date: 2026-13-01T23:59:00Z}\n", 1, "late.date")
        .message()).startsWith("late.date is '2026-13-01T23:59:00Z'; it must be");
  }

  @Test
  void zeroAfterWithoutDate() {
    assertThat(only("late:\n  policy: zero-after\n", 1, "late.date").message())
        .isEqualTo("late policy zero-after needs a date, such as date: 2026-12-01T23:59:00Z");
  }

  @Test
  void fractionOffWithoutFraction() {
    assertThat(only("late: {policy: fraction-off}\n", 1, "late.fraction").message())
        .isEqualTo("late policy fraction-off needs a fraction, such as fraction: 0.1 for 10% of"
            + " the points off");
  }

  @Test
  void settingsThatDoNotApplyToThePolicy() {
    assertThat(only("late:\n  policy: none\n  fraction: 0.1\n", 3, "late.fraction").message())
        .isEqualTo("late.fraction does not apply to policy none; remove it or choose"
            + " fraction-off or zero-after");
    assertThat(only("late:\n  policy: fraction-off\n  fraction: 0.1\n  date: 2026-12-01T00:00:00Z\n",
        4, "late.date").message())
        .isEqualTo("late.date does not apply to policy fraction-off; remove it or choose"
            + " zero-after");
  }

  // ---------------------------------------------------------------- reveal

  @Test
  void unknownRevealItem() {
    assertThat(only("reveal: [values, answers]\n", 1, "reveal[1]").message())
        .isEqualTo("reveal[1] is 'answers'; valid choices: nothing, or a list of values,"
            + " formulas (such as reveal: [values, formulas])");
    assertThat(only("reveal: nothign\n", 1, "reveal").message()).startsWith("reveal is 'nothign'");
    assertThat(only("reveal: [values, nothing]\n", 1, "reveal[1]").message())
        .endsWith("; write reveal: nothing on its own");
    assertThat(only("reveal: [values, values]\n", 1, "reveal[1]").message())
        .isEqualTo("reveal[1] lists values twice; keep one");
  }

  // ---------------------------------------------------------------- wrong YAML types

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "points: two|points|points is 'two'; it must be a number, at least 0",
        "points: [1, 2]|points|points is a list; it must be a number, at least 0",
        "points: '2'|points|points is '2'; it must be a number, at least 0",
        "points:|points|points is empty; it must be a number, at least 0 (leave the field out"
            + " for the default)",
        "misconceptionCredit: true|misconceptionCredit|misconceptionCredit is true; it must be a"
            + " number between 0 and 1",
        "name: [a, b]|name|name is a list; it must be the rubric's name, such as sigmoid-2-2-2",
        "description: {a: 1}|description|description is a map; it must be a line of text",
        "tolerance: 0.001|tolerance|tolerance is 0.001; it must be a map of tolerance modes, such"
            + " as {relative: 0.001} or {significantFigures: 4}",
        "steps: {match: L, points: 2}|steps|steps is a map; it must be a list of rules such as"
            + " - {match: 'dE_total/dw*', points: 2}",
        "followThrough: 0.5|followThrough|followThrough is 0.5; it must be a map such as"
            + " {credit: 0.5, rejectTrivialInputs: true}",
        "followThrough: {rejectTrivialInputs: maybe}|followThrough.rejectTrivialInputs|"
            + "followThrough.rejectTrivialInputs is 'maybe'; it must be true or false",
        "reveal: 3|reveal|reveal is 3; it must be nothing, or a list of values, formulas (such as"
            + " reveal: [values, formulas])",
        "late: [none]|late|late is a list; it must be none, or a map such as {policy:"
            + " fraction-off, fraction: 0.1} or {policy: zero-after, date: 2026-12-01T23:59:00Z}",
        "late: {policy: zero-after, date: 20261201}|late.date|late.date is '20261201'; it must be"
            + " a date and time with a time zone, such as 2026-12-01T23:59:00Z (UTC) or"
            + " 2026-12-01T23:59:00-05:00",
        "tolerance: {significantFigures: four}|tolerance.significantFigures|"
            + "tolerance.significantFigures is 'four'; it must be a whole number from 1 to 15",
      })
  void wrongYamlTypes(String yaml, String field, String message) {
    assertThat(only(yaml + "\n", 1, field).message()).isEqualTo(message);
  }

  @Test
  void theFileMustBeAMap() {
    assertThat(only("- name: t\n", 1, "").message())
        .startsWith("the file is a list; it must be a map of rubric fields (name, description,");
  }

  // ---------------------------------------------------------------- YAML itself

  @Test
  void syntaxErrorsGiveTheLineOfTheProblem() {
    RubricDiagnostic problem = only("name: t\npoints: 1\n  late: none\n", 3, "");
    assertThat(problem.message())
        .isEqualTo("is not valid YAML: mapping values are not allowed here; check the indentation"
            + " and the ':' after each field");
    assertThat(only("name: t\nsteps: [{match: L,\n", 3, "").message())
        .startsWith("is not valid YAML: ");
    assertThat(only("name: t\nsteps:\n\t- {match: L}\n", 3, "").message())
        .contains("TAB");
  }

  @Test
  void emptyFile() {
    RubricDiagnostic problem = only("# nothing yet\n", 0, "");
    assertThat(problem.message()).startsWith("is empty; write at least the rubric's name");
    assertThat(problem.format()).startsWith("rubric.yaml: is empty;");
  }

  @Test
  void secondDocument() {
    assertThat(only("name: a\n---\nname: b\n", 3, "").message())
        .startsWith("a second YAML document starts here");
  }

  // ---------------------------------------------------------------- all problems at once

  @Test
  void everyProblemIsReportedInFileOrder() {
    String yaml =
        """
        name: t
        late: {policy: zero-after}
        points: -1
        tolerance: {relative: 2, significantFigures: 3}
        steps:
          - match: "w*+"
            pionts: 2
        reveal: [everything]
        misconceptionCredit: 1.5
        """;
    List<RubricDiagnostic> found = problems(yaml);
    assertThat(found)
        .extracting(RubricDiagnostic::line, RubricDiagnostic::field)
        .containsExactly(
            tuple(2, "late.date"),
            tuple(3, "points"),
            tuple(4, "tolerance.relative"),
            tuple(4, "tolerance.significantFigures"),
            tuple(7, "steps[0].pionts"),
            tuple(8, "reveal[0]"),
            tuple(9, "misconceptionCredit"));
    RubricException e = new RubricException(found);
    assertThat(e.getMessage().lines()).hasSize(found.size());
    assertThat(e.getMessage().lines().toList().get(1))
        .isEqualTo("rubric.yaml line 3: points is -1; it must be at least 0");
  }

  @Test
  void precisionAndGuessableHaveDefaultsAndAreRead() {
    Rubric d = RubricLoader.parse("name: d\n", "d.yaml");
    assertThat(d.precision()).isEqualTo(new PrecisionPolicy(3, 1.0));
    assertThat(d.guessable()).isEqualTo(Guessable.SUPPORTED);
    Rubric r = RubricLoader.parse(
        "name: r\nprecision: {minimumFigures: 4, credit: 0.5}\nguessable: no-credit\n", "r.yaml");
    assertThat(r.precision()).isEqualTo(new PrecisionPolicy(4, 0.5));
    assertThat(r.guessable()).isEqualTo(Guessable.NO_CREDIT);
    assertThat(RubricLoader.parse("name: r\nprecision: {credit: 0}\n", "r.yaml").precision())
        .isEqualTo(new PrecisionPolicy(3, 0));
  }

  @Test
  void badPrecisionAndGuessableAreNamed() {
    assertThat(only("precision: {minimumFigures: 0}\n", 1, "precision.minimumFigures").message())
        .isEqualTo("precision.minimumFigures is 0; it must be a whole number from 1 to 15");
    assertThat(only("precision: {credit: 2}\n", 1, "precision.credit").message())
        .isEqualTo("precision.credit is 2; it must be between 0 and 1");
    assertThat(only("precision: {figures: 3}\n", 1, "precision.figures").message())
        .contains("valid fields: minimumFigures, credit");
    assertThat(only("precision: 3\n", 1, "precision").message())
        .contains("a map such as {minimumFigures: 3, credit: 1.0}");
    assertThat(only("guessable: never\n", 1, "guessable").message())
        .isEqualTo("guessable is 'never'; valid choices: supported, no-credit");
  }
}
