package org.nngrader.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.nngrader.grader.batch.GradedSubmission;

class FolderNamesTest {

  @Test
  void safeStudentIdsAreUsedAsTheyAre() {
    assertThat(FolderNames.safe("s001")).isEqualTo("s001");
    assertThat(FolderNames.safe("jane.doe-42_x")).isEqualTo("jane.doe-42_x");
  }

  @Test
  void unsafeNamesAreCleanedAndHashed() {
    assertThat(FolderNames.safe("../etc/passwd")).matches("etc_passwd-[0-9a-f]{8}");
    assertThat(FolderNames.safe("Zoë Ünal")).matches("Zo___nal-[0-9a-f]{8}");
    assertThat(FolderNames.safe("")).matches("submission-[0-9a-f]{8}");
    assertThat(FolderNames.safe("CON")).matches("CON-[0-9a-f]{8}");
    assertThat(FolderNames.safe("summary.html")).matches("summary.html-[0-9a-f]{8}");
    assertThat(FolderNames.safe("ends.with.dot.")).matches("ends.with.dot.-[0-9a-f]{8}");
    assertThat(FolderNames.safe("x".repeat(100))).matches("x{48}-[0-9a-f]{8}");
  }

  @Test
  void aFailedFileWithoutOwnerIsNamedAfterTheFile() {
    GradedSubmission s = GradedSubmission.failed(null, null, "a/b c.xlsx", "broken", List.of());
    assertThat(FolderNames.of(s)).matches("a_b_c.xlsx-[0-9a-f]{8}");
    GradedSubmission known = GradedSubmission.failed("s9", null, "a/b c.xlsx", "broken", List.of());
    assertThat(FolderNames.of(known)).isEqualTo("s9");
  }

  @Property
  void everyNameIsAPortableFileName(@ForAll String text) {
    String name = FolderNames.safe(text);
    assertThat(name).matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}").doesNotEndWith(".");
  }

  @Property
  void differentTextsGetDifferentFolders(@ForAll String a, @ForAll String b) {
    Assume.that(!a.equals(b));
    assertThat(FolderNames.safe(a)).isNotEqualTo(FolderNames.safe(b));
  }

  @Property
  void similarIdsThatCleanToTheSameTextStillDiffer(@ForAll("punctuation") char c) {
    assertThat(FolderNames.safe("ab" + c + "cd")).isNotEqualTo(FolderNames.safe("ab_cd"));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Character> punctuation() {
    return net.jqwik.api.Arbitraries.of(' ', '/', '\\', ':', '*', '?', '"', '<', '>', '|', '@');
  }
}
