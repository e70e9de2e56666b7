package org.nngrader.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupMembershipTest {

  static final List<SetStudent> CLASS = List.of(
      new SetStudent("s1", "Ada", "ada@x.edu", "v1", Map.of(), Map.of("username", "ada")),
      new SetStudent("s2", "Bob", "bob@x.edu", "v2", Map.of(), Map.of("moodle_idnumber", "M2")),
      new SetStudent("s3", "Cy", "cy@x.edu", "v3", Map.of(), Map.of()));

  @Test
  void readsMoodlesParticipantsDownloadWithItsGroupsColumn(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("p.csv");
    Files.writeString(f, "\uFEFFFirst name,Last name,ID number,Email address,Groups\n"
        + "Ada,L,,ADA@x.edu,\"Team Ä, Lab 1\"\nBob,T,M2,,Team Ä\nNo,One,,zz@x.edu,Team Ä\nCy,C,,cy@x.edu,\n");
    GroupMembership m = GroupMembership.read(f, CLASS);
    assertThat(m.groupOf(CLASS.get(0)).name()).isEqualTo("Team Ä");
    assertThat(m.find("team_a\u0308", null).members()).extracting(SetStudent::id).containsExactly("s1", "s2");
    assertThat(m.find("Lab 1", "77").members()).extracting(SetStudent::id).containsExactly("s1");
    assertThat(m.groupOf(CLASS.get(2))).isNull();
    assertThat(m.unknownMembers()).singleElement().asString().startsWith("line 4:");
  }

  @Test
  void readsNngradersFormWithGroupIdsAndRefusesOthers(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("g.csv");
    Files.writeString(f, "group,group_id,student_id\nRed,42,s1\nRed,42,s3\n");
    GroupMembership m = GroupMembership.read(f, CLASS);
    assertThat(m.find("somebody else", "42").name()).isEqualTo("Red");
    Files.writeString(f, "team,who\nRed,s1\n");
    assertThatThrownBy(() -> GroupMembership.read(f, CLASS)).hasMessageContaining("g.csv line 1: not a group membership file");
  }
}
