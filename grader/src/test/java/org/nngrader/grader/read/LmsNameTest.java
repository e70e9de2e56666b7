package org.nngrader.grader.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LmsNameTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
    // Canvas "Download Submissions"
    "smithjohn_123456_7890123_answers.xlsx|CANVAS|123456|smithjohn|false|answers.xlsx",
    "smithjohn_LATE_123456_7890123_answers.xlsx|CANVAS|123456|smithjohn|true|answers.xlsx",
    "anon_8hQ2x_7890123_answers.xlsx|CANVAS|anon_8hQ2x|-|false|answers.xlsx",
    "anon_8hQ2x_LATE_7890123_answers.xlsx|CANVAS|anon_8hQ2x|-|true|answers.xlsx",
    "doejane_123456_7890123_answers-1.xlsx|CANVAS|123456|doejane|false|answers-1.xlsx",
    "müllerjürgen_223344_7890124_hw 1 answers.xlsx|CANVAS|223344|müllerjürgen|false|"
        + "hw 1 answers.xlsx",
    "oconnorsean_5_6_my_answers_v2.csv|CANVAS|5|oconnorsean|false|my_answers_v2.csv",
    "submissions/smithjohn_123456_7890123_answers.xlsx|CANVAS|123456|smithjohn|false|"
        + "answers.xlsx",
    "vanderberganna_777_888_2024_answers.xlsx|CANVAS|777|vanderberganna|false|"
        + "2024_answers.xlsx",
    // Moodle "Download all submissions", folder and flat forms
    "Jane Doe_1234567_assignsubmission_file/answers.xlsx|MOODLE|1234567|Jane Doe|false|"
        + "answers.xlsx",
    "Jane Doe_1234567_assignsubmission_file_/answers.xlsx|MOODLE|1234567|Jane Doe|false|"
        + "answers.xlsx",
    "Jane Doe_1234567_assignsubmission_file_answers.xlsx|MOODLE|1234567|Jane Doe|false|"
        + "answers.xlsx",
    "José Álvarez-Núñez_88_assignsubmission_file_respuestas_1.xlsx|MOODLE|88|"
        + "José Álvarez-Núñez|false|respuestas_1.xlsx",
    "HW3/Zoë O'Brien_42_assignsubmission_file/sub/answers.csv|MOODLE|42|Zoë O'Brien|false|"
        + "answers.csv",
    "Jane Doe_1234567_assignsubmission_onlinetext_onlinetext.html|MOODLE|1234567|Jane Doe|"
        + "false|onlinetext.html",
    // Anything else is plain
    "answers.xlsx|PLAIN|-|-|false|answers.xlsx",
    "s1234567_answers.xlsx|PLAIN|-|-|false|s1234567_answers.xlsx",
    "hw_2024_final.xlsx|PLAIN|-|-|false|hw_2024_final.xlsx",
    // Older Canvas: the whole prefix lower-cased, so late is "_late_"; anonymous without a name
    "smithjohn_late_123456_7890123_answers.xlsx|CANVAS|123456|smithjohn|true|answers.xlsx",
    "123456_7890123_answers.xlsx|CANVAS|123456|-|false|answers.xlsx",
    "late_123456_7890123_answers.xlsx|CANVAS|123456|-|true|answers.xlsx",
    "anon_12345_7890123_answers.xlsx|CANVAS|anon_12345|-|false|answers.xlsx",
    // Text and URL entries carry no attachment id
    "smithjohn_123456_text.html|CANVAS|123456|smithjohn|false|text.html",
    "smithjohn_LATE_123456_link.html|CANVAS|123456|smithjohn|true|link.html",
    "anon_8hQ2x_text.html|CANVAS|anon_8hQ2x|-|false|text.html",
    // Group submissions: the group's name and the representative's id
    "teamalpha_5001_900001_answers.xlsx|CANVAS|5001|teamalpha|false|answers.xlsx",
    // Re-zipped on macOS: NFD names compare as NFC
    "mu\u0308llerju\u0308rgen_223344_7890124_a.xlsx|CANVAS|223344|müllerjürgen|false|a.xlsx",
    "Jose\u0301_88_assignsubmission_file/a.xlsx|MOODLE|88|José|false|a.xlsx",
    // Moodle team submissions: "<group>_<groupid>" folders, or "Default group" without an id
    "Team Alpha_42_assignsubmission_file/answers.xlsx|MOODLE|42|Team Alpha|false|answers.xlsx",
    "Default group_assignsubmission_file/answers.xlsx|MOODLE|-|Default group|false|answers.xlsx",
    "smithjohn_123456_answers.xlsx|PLAIN|-|-|false|smithjohn_123456_answers.xlsx",
    "class\\smith\\answers.xlsx|PLAIN|-|-|false|answers.xlsx",
  })
  void parsesLmsNames(String path, LmsKind kind, String userId, String displayName,
      boolean late, String fileName) {
    assertThat(LmsName.parse(path))
        .isEqualTo(new LmsName(kind, userId, displayName, late, fileName));
  }
}
