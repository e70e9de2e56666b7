package org.nngrader.portal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nngrader.cli.Main;
import org.nngrader.cli.UsageException;
import org.nngrader.grader.batch.SetStudent;
import org.nngrader.grader.export.SafeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nngrader invite}: one personal sign-in link per student, written to a csv for the LMS
 * (student_id,name,email,url). Each new link replaces the student's earlier ones; the links
 * are stored only as SHA-256 hashes, so the csv is the only copy.
 */
@Command(name = "invite", description = "Write each student's personal sign-in link for the portal.")
final class InviteCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin PortalOptions options = new PortalOptions();

  @Option(names = "--set", required = true, paramLabel = "SET", description = "Problem set folder.")
  Path set;

  @Option(names = "--base-url", paramLabel = "URL", description = "The portal's address as students reach it, e.g. https://grader.example.edu.")
  String baseUrl;

  @Option(names = "--out", paramLabel = "links.csv", description = "The csv to write (student_id,name,email,url).")
  Path out;

  @Option(names = "--student", paramLabel = "ID", description = "Only these students (repeatable; default: all).")
  List<String> only = new ArrayList<>();

  @Option(names = "--revoke", description = "Revoke the students' links without issuing new ones.")
  boolean revoke;

  @Override
  public Integer call() throws IOException {
    PortalSet portalSet = PortalOptions.set(set);
    List<SetStudent> students = new ArrayList<>();
    for (String id : only) {
      students.add(portalSet.student(id).orElseThrow(() -> new UsageException("--student " + id
          + ": not a student of " + set + "; the ids are in its manifest.json")));
    }
    if (only.isEmpty()) {
      students.addAll(portalSet.students());
    }
    if (revoke && only.isEmpty()) {
      throw new UsageException("--revoke needs --student ID (to revoke every link, issue new ones "
          + "with 'nngrader invite' and do not send them)");
    }
    if (!revoke && (baseUrl == null || out == null)) {
      throw new UsageException("invite needs --base-url URL and --out links.csv");
    }
    String base = revoke ? null : PortalOptions.baseUrl(baseUrl);
    try (Database db = options.open(2)) {
      Store store = new Store(db);
      store.syncStudents(portalSet.rows());
      if (revoke) {
        int n = 0;
        for (SetStudent s : students) {
          n += store.revokeInvites(s.id(), Instant.now());
          store.audit(null, "invite-revoked", s.id(), "cli", Instant.now());
        }
        spec.commandLine().getOut().println("Revoked " + n + " link" + (n == 1 ? "" : "s") + " of "
            + students.size() + " student" + (students.size() == 1 ? "" : "s") + ".");
        return Main.EXIT_OK;
      }
      Path parent = out.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path partial = Files.createTempFile(parent, ".links-", ".csv");
      try {
        restrict(partial);
        try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                 .setHeader("student_id", "name", "email", "url").get())) {
          for (SetStudent s : students) {
            String token = store.issueInvite(s.id(), Instant.now());
            p.printRecord(SafeText.of(s.id()), SafeText.of(s.name()), SafeText.of(s.email()),
                base + "/s/" + token);
          }
        }
        Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
      store.audit(null, "invites-issued", students.size() + " students", "cli", Instant.now());
    }
    spec.commandLine().getOut().println("Wrote " + students.size() + " sign-in link"
        + (students.size() == 1 ? "" : "s") + " to " + out + " (earlier links of these students "
        + "no longer work; keep this file private).");
    return Main.EXIT_OK;
  }

  private static void restrict(Path p) {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // Not a POSIX file system: the folder's own permissions apply.
    }
  }
}
