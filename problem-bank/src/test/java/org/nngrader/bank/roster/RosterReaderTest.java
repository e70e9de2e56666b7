package org.nngrader.bank.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterReaderTest {

  @Test
  void readsIdsNamesEmailsAndKeepsLmsColumns() {
    Roster r = RosterReader.parse("class.csv", "\uFEFFStudent ID,Name,email,canvas_id,Section\n"
        + "s001,Ada Lovelace,ada@example.edu,1001,A\n"
        + "\n"
        + " s002 ,\"Turing, Alan\",,1002,B\n");
    assertThat(r.students()).extracting(Student::id).containsExactly("s001", "s002");
    assertThat(r.students().get(1).name()).isEqualTo("Turing, Alan");
    assertThat(r.students().get(1).email()).isEmpty();
    assertThat(r.students().get(0).extra())
        .containsExactly(Map.entry("canvas_id", "1001"), Map.entry("section", "A"));
  }

  @Test
  void nameAndEmailAreOptional() {
    Roster r = RosterReader.parse("ids.csv", "student_id\nx1\nx2\n");
    assertThat(r.students()).containsExactly(Student.of("x1"), Student.of("x2"));
  }

  @Test
  void missingIdColumnNamesTheColumnsFound() {
    assertThatThrownBy(() -> RosterReader.parse("class.csv", "name,email\nAda,a@x\n"))
        .isInstanceOf(RosterException.class)
        .hasMessage("class.csv row 1: has no student_id column (columns: name, email); the first"
            + " line must name the columns, e.g. student_id,name,email");
  }

  @Test
  void duplicateIdNamesBothRows() {
    assertThatThrownBy(() -> RosterReader.parse("class.csv", "student_id,name\ns1,A\ns2,B\ns1,C\n"))
        .hasMessage("class.csv row 4: student_id 's1' already appears on row 2; list each"
            + " student once");
  }

  @Test
  void blankIdNamesTheRowAndEveryProblemIsReported() {
    RosterException e = org.junit.jupiter.api.Assertions.assertThrows(RosterException.class,
        () -> RosterReader.parse("class.csv", "student_id,name\n ,Ada\ns2,B\ns2,C\n"));
    assertThat(e.diagnostics()).extracting(RosterDiagnostic::row).containsExactly(2, 4);
    assertThat(e.getMessage()).contains("class.csv row 2: student_id is blank; fill in the"
        + " student's id or delete the row");
  }

  @Test
  void tooManyValuesSaysToQuoteCommas() {
    assertThatThrownBy(() -> RosterReader.parse("c.csv", "student_id,name\ns1,Turing, Alan\n"))
        .hasMessageContaining("c.csv row 2: has 3 values but the header names 2 columns");
  }

  @Test
  void emptyOrHeaderOnlyRosterSaysWhatToWrite() {
    assertThatThrownBy(() -> RosterReader.parse("c.csv", "\n\n"))
        .hasMessageContaining("c.csv: is empty; the first line must be a header");
    assertThatThrownBy(() -> RosterReader.parse("c.csv", "student_id,name\n"))
        .hasMessageContaining("has a header but no students");
  }

  @Test
  void duplicateColumnNamesAreReported() {
    assertThatThrownBy(() -> RosterReader.parse("c.csv", "student_id,Name,name\ns1,a,b\n"))
        .hasMessageContaining("c.csv row 1: name names columns 2 and 3");
  }

  @Test
  void unreadableFileNamesThePath(@TempDir Path dir) {
    Path missing = dir.resolve("nope.csv");
    assertThatThrownBy(() -> RosterReader.read(missing))
        .hasMessageContaining(missing + ": cannot be read")
        .hasMessageContaining("check the path");
  }

  @Test
  void readsAFile(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("r.csv");
    Files.writeString(f, "student_id,email\ns1,a@b\n");
    assertThat(RosterReader.read(f).students().get(0).email()).isEqualTo("a@b");
  }

  @Property(tries = 200)
  void anyRosterWrittenAsCsvReadsBack(@ForAll("rows") List<List<String>> rows) throws IOException {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      p.printRecord("student_id", "name", "email");
      for (List<String> row : rows) {
        p.printRecord(row);
      }
    }
    Roster r = RosterReader.parse("p.csv", w.toString());
    assertThat(r.students()).extracting(Student::id)
        .containsExactlyElementsOf(rows.stream().map(x -> x.get(0).strip()).toList());
    assertThat(r.students()).extracting(Student::name)
        .containsExactlyElementsOf(rows.stream().map(x -> x.get(1).strip()).toList());
  }

  @Provide
  Arbitrary<List<List<String>>> rows() {
    Arbitrary<String> id = Arbitraries.strings().withChars("abcXYZ019-_. ,\"\u00e9")
        .ofMinLength(1).ofMaxLength(8).filter(s -> !s.isBlank());
    Arbitrary<String> name = Arbitraries.strings().withChars("ab ,\"\n\u00e9'").ofMaxLength(10);
    return id.list().ofMinSize(1).ofMaxSize(8).uniqueElements(String::strip)
        .flatMap(ids -> name.list().ofSize(ids.size()).map(names -> {
          List<List<String>> out = new java.util.ArrayList<>();
          for (int i = 0; i < ids.size(); i++) {
            out.add(List.of(ids.get(i), names.get(i), ""));
          }
          return out;
        }));
  }
}
