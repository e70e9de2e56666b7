package org.nngrader.portal;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.nngrader.bank.generate.ProblemSet;
import org.nngrader.grader.batch.GradedSubmission;
import org.nngrader.grader.batch.SetStudent;
import org.nngrader.grader.export.ExportFormat;
import org.nngrader.grader.export.GradeExporter;
import org.nngrader.grader.report.ClassReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The web portal: students sign in by their personal link, download their sheet, upload it and
 * read their report at once; staff sign in with a password and see the class. Every route checks
 * who may see it; every form carries a CSRF token; every response carries security headers; an
 * error reaches the page as a sentence, never as a stack trace or SQL. All state is in the
 * database ({@link Store}), so several servers can share one PostgreSQL.
 */
public final class PortalServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PortalServer.class);
  static final String SESSION_COOKIE = "nngrader_session";
  static final String LOGIN_COOKIE = "nngrader_login";
  private static final Duration SESSION_TTL = Duration.ofHours(12);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  /** A bcrypt hash of a random password, checked for unknown emails so timing tells nothing. */
  private static final String DUMMY_HASH = BCrypt.hashpw(Tokens.newToken(), BCrypt.gensalt(10));
  static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final Store store;
  private final Database db;
  private final AtomicReference<PortalSet> set;
  private final PortalSettings settings;
  private final Attempts attempts;
  private final Clock clock;
  private final Javalin app;

  /** What a request's cookie signs in: a student (id) or staff (email and role). */
  private record Who(String kind, String subject, String role, String csrf) {}

  private PortalServer(Database db, PortalSet set, PortalSettings settings, Clock clock) {
    this.db = db;
    this.store = new Store(db);
    this.set = new AtomicReference<>(set);
    this.settings = settings;
    this.clock = clock;
    this.attempts = new Attempts(store, this.set, settings, clock);
    long maxRequest = settings.maxUploadBytes() + 64L * 1024;
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = maxRequest;
      config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), SizeUnit.BYTES);
      config.jetty.multipartConfig.maxTotalRequestSize(maxRequest, SizeUnit.BYTES);
      config.jetty.multipartConfig.maxInMemoryFileSize(settings.maxUploadBytes(), SizeUnit.BYTES);
    });
    routes();
  }

  /**
   * Starts the portal: the set's students are added to the database, attempts stored but not
   * graded before a stop are graded, and the server listens on {@code host:port} (0: any free port).
   */
  public static PortalServer start(Database db, PortalSet set, PortalSettings settings,
      String host, int port, Clock clock) {
    PortalServer server = new PortalServer(db, set, settings, clock);
    server.store.syncStudents(set.rows());
    int recovered = server.attempts.recover();
    if (recovered > 0) {
      LOG.info("graded {} attempt(s) stored before the last stop", recovered);
    }
    server.app.start(host, port);
    return server;
  }

  public int port() {
    return app.port();
  }

  public Store store() {
    return store;
  }

  @Override
  public void close() {
    app.stop();
  }

  private void routes() {
    app.before(ctx -> {
      ctx.header("Content-Security-Policy", CSP);
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("X-Frame-Options", "DENY");
      ctx.header("Referrer-Policy", "no-referrer");
      ctx.header("Cache-Control", "no-store");
    });
    app.exception(Exception.class, (e, ctx) -> {
      // The path of an invite link holds its token, which the log must not keep.
      LOG.error("request {} {} failed", ctx.method(), ctx.path().replaceFirst("^/s/.*", "/s/***"), e);
      page(ctx, 500, Pages.message("Something went wrong", "The server could not answer this "
          + "request. Nothing you uploaded is lost; try again, and tell your instructor if it "
          + "happens again.", "error", "/", null));
    });
    app.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")
          || ctx.result().startsWith("Not")) {
        page(ctx, 404, Pages.message("Not found", "There is no such page.", "error", "/", null));
      }
    });

    app.get("/healthz", this::health);
    app.get("/", ctx -> ctx.redirect("/staff/login", io.javalin.http.HttpStatus.SEE_OTHER));
    app.get("/s/{token}", this::invite);
    app.post("/logout", this::logout);

    app.get("/student", asStudent(this::studentHome));
    app.get("/student/problem", asStudent((ctx, w) -> handout(ctx, w, ProblemSet.PROBLEM,
        "text/html; charset=utf-8", null)));
    app.get("/student/answers.xlsx", asStudent((ctx, w) -> handout(ctx, w, ProblemSet.ANSWERS_XLSX,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "answers.xlsx")));
    app.get("/student/answers.csv", asStudent((ctx, w) -> handout(ctx, w, ProblemSet.ANSWERS_CSV,
        "text/csv; charset=utf-8", "answers.csv")));
    app.post("/student/upload", asStudent(this::upload));
    app.get("/student/attempts/{id}", asStudent(this::studentAttempt));

    app.get("/staff/login", this::loginPage);
    app.post("/staff/login", this::login);
    app.get("/staff", asStaff(this::dashboard));
    app.get("/staff/summary", asStaff(this::summary));
    app.get("/staff/students/{id}", asStaff(this::staffStudent));
    app.get("/staff/attempts/{id}", asStaff((ctx, w) -> staffAttempt(ctx, w, false)));
    app.get("/staff/attempts/{id}/file", asStaff((ctx, w) -> staffAttempt(ctx, w, true)));
    app.get("/staff/export/{format}", asStaff(this::export));
    app.post("/staff/regrade", asInstructor(this::regrade));
  }

  // ---- sessions and access rules

  /** What a route does once its access rule let the request through. */
  private interface Action {
    void run(Context ctx, Who who) throws Exception;
  }

  private io.javalin.http.Handler asStudent(Action action) {
    return ctx -> {
      Optional<Who> w = student(ctx);
      if (w.isPresent()) {
        action.run(ctx, w.get());
      }
    };
  }

  private io.javalin.http.Handler asStaff(Action action) {
    return ctx -> {
      Optional<Who> w = staff(ctx, false);
      if (w.isPresent()) {
        action.run(ctx, w.get());
      }
    };
  }

  private io.javalin.http.Handler asInstructor(Action action) {
    return ctx -> {
      Optional<Who> w = staff(ctx, true);
      if (w.isPresent()) {
        action.run(ctx, w.get());
      }
    };
  }

  private Optional<Who> who(Context ctx) {
    String token = ctx.cookie(SESSION_COOKIE);
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return store.session(token, clock.instant()).flatMap(s -> {
      if ("staff".equals(s.kind())) {
        return store.staff(s.subject()).map(a -> new Who("staff", a.email(), a.role(), s.csrf()));
      }
      return Optional.of(new Who("student", s.subject(), null, s.csrf()));
    });
  }

  /** The signed-in student, or an answer (401 or 403) and empty. */
  private Optional<Who> student(Context ctx) {
    Optional<Who> w = who(ctx);
    if (w.isEmpty()) {
      page(ctx, 401, Pages.message("Please sign in", "Open the personal link your instructor sent "
          + "you to sign in (it may have expired or been replaced by a newer one).", "error", null, null));
      return Optional.empty();
    }
    if (!"student".equals(w.get().kind())) {
      page(ctx, 403, Pages.message("Students only", "This page is for students; staff see every "
          + "attempt on the dashboard.", "error", "/staff", w.get().csrf()));
      return Optional.empty();
    }
    return checkPost(ctx, w.get()) ? w : Optional.empty();
  }

  /** The signed-in staff member (an instructor when {@code instructor}), or an answer and empty. */
  private Optional<Who> staff(Context ctx, boolean instructor) {
    Optional<Who> w = who(ctx);
    if (w.isEmpty()) {
      if ("GET".equals(ctx.method().name())) {
        ctx.redirect("/staff/login", io.javalin.http.HttpStatus.SEE_OTHER);
      } else {
        page(ctx, 401, Pages.message("Please sign in", "Sign in first.", "error", "/staff/login", null));
      }
      return Optional.empty();
    }
    if (!"staff".equals(w.get().kind())) {
      page(ctx, 403, Pages.message("Staff only", "This page is for staff.", "error", "/student", w.get().csrf()));
      return Optional.empty();
    }
    if (instructor && !"instructor".equals(w.get().role())) {
      page(ctx, 403, Pages.message("Instructors only", "Only an instructor may do this.", "error",
          "/staff", w.get().csrf()));
      return Optional.empty();
    }
    return checkPost(ctx, w.get()) ? w : Optional.empty();
  }

  /** A POST must carry the session's CSRF token. */
  private boolean checkPost(Context ctx, Who w) {
    if (!"POST".equals(ctx.method().name())) {
      return true;
    }
    if (tooLarge(ctx)) {
      return false;
    }
    String sent;
    try {
      sent = ctx.formParam("csrf");
    } catch (RuntimeException e) {
      // The multipart parser refuses a body over the limits.
      uploadTooLarge(ctx);
      return false;
    }
    if (!Tokens.same(sent, w.csrf())) {
      page(ctx, 403, Pages.message("Form expired", "This form is out of date (or was not sent by "
          + "this site); open the page again and resend it.", "error", "/", w.csrf()));
      return false;
    }
    return true;
  }

  private boolean tooLarge(Context ctx) {
    long length = ctx.contentLength();
    if (length > settings.maxUploadBytes() + 64L * 1024) {
      uploadTooLarge(ctx);
      return true;
    }
    return false;
  }

  private void uploadTooLarge(Context ctx) {
    page(ctx, 413, Pages.message("File too large", "The file is larger than "
        + settings.maxUploadBytes() / 1024 + " KB; an answer sheet is much smaller. Upload the "
        + "answers.xlsx or answers.csv of your problem sheet.", "error", "/student", null));
  }

  private void setCookie(Context ctx, String name, String value, long maxAgeSeconds, String path) {
    ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=" + path + "; Max-Age="
        + maxAgeSeconds + "; HttpOnly; SameSite=Lax" + (settings.secureCookies() ? "; Secure" : ""));
  }

  private static void page(Context ctx, int status, String html) {
    ctx.status(status).contentType("text/html; charset=utf-8").result(html);
  }

  // ---- public routes

  private void health(Context ctx) {
    String kind = db.postgres() ? "postgresql" : "h2";
    boolean up;
    try {
      up = store.ping();
    } catch (RuntimeException e) {
      LOG.warn("health check: the database does not answer", e);
      up = false;
    }
    ctx.status(up ? 200 : 503).contentType("application/json")
        .result("{\"status\":\"" + (up ? "ok" : "unavailable") + "\",\"database\":\"" + kind
            + "\",\"database_up\":" + up + "}");
  }

  private void invite(Context ctx) {
    String token = ctx.pathParam("token");
    Optional<String> student = token.length() > 100 ? Optional.empty() : store.inviteStudent(token);
    if (student.isEmpty()) {
      store.audit(null, "sign-in-refused", "unknown or revoked invite link", ctx.ip(), clock.instant());
      page(ctx, 404, Pages.message("Link not valid", "This sign-in link is not valid: it was "
          + "mistyped, or replaced by a newer one. Ask your instructor for a new link.", "error", null, null));
      return;
    }
    Store.NewSession s = store.newSession("student", student.get(), clock.instant(), SESSION_TTL);
    setCookie(ctx, SESSION_COOKIE, s.token(), SESSION_TTL.toSeconds(), "/");
    store.audit(student.get(), "sign-in", "invite link", ctx.ip(), clock.instant());
    ctx.redirect("/student", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    Optional<Who> w = who(ctx);
    if (w.isEmpty()) {
      ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    if (!checkPost(ctx, w.get())) {
      return;
    }
    store.endSession(ctx.cookie(SESSION_COOKIE));
    setCookie(ctx, SESSION_COOKIE, "", 0, "/");
    store.audit(w.get().subject(), "sign-out", w.get().kind(), ctx.ip(), clock.instant());
    page(ctx, 200, Pages.message("Signed out", "You are signed out.", "note", null, null));
  }

  // ---- students

  private void studentHome(Context ctx, Who w) {
    PortalSet s = set.get();
    SetStudent student = s.student(w.subject()).orElseThrow();
    List<Store.AttemptRow> mine = store.attempts(w.subject());
    Optional<Store.AttemptRow> counting = attempts.counting(mine);
    long used = mine.stream().filter(Store.AttemptRow::usesAttempt).count();
    boolean late = attempts.lateNow();
    String noUpload = null;
    if (late && settings.refuseLate()) {
      noUpload = "The deadline has passed; uploads are no longer accepted.";
    } else if (settings.attemptLimit() > 0 && used >= settings.attemptLimit()) {
      noUpload = "You have used all your attempts.";
    }
    Map<String, Object> scope = new HashMap<>();
    scope.put("title", "Your homework");
    scope.put("csrf", w.csrf());
    scope.put("id", student.id());
    scope.put("name", student.name());
    scope.put("deadline", settings.deadline() == null ? null : TIME.format(settings.deadline()));
    scope.put("late", late);
    scope.put("latePolicy", settings.refuseLate() ? "uploads are refused"
        : "uploads are accepted and marked late: " + s.rubric().late().describe());
    scope.put("used", used);
    scope.put("limit", settings.attemptLimit() == 0 ? null : settings.attemptLimit());
    scope.put("countsRule", settings.counts() == PortalSettings.Counts.LAST
        ? "Your last graded attempt counts." : "Your best graded attempt counts.");
    scope.put("canUpload", noUpload == null);
    scope.put("noUpload", noUpload);
    scope.put("attempts", attemptRows(mine, counting));
    scope.put("hasAttempts", !mine.isEmpty());
    page(ctx, 200, Pages.render("student", scope));
  }

  private List<Map<String, Object>> attemptRows(List<Store.AttemptRow> list,
      Optional<Store.AttemptRow> counting) {
    List<Map<String, Object>> rows = new ArrayList<>();
    int n = 0;
    for (Store.AttemptRow a : list) {
      Map<String, Object> r = new HashMap<>();
      r.put("number", ++n);
      r.put("id", a.id());
      r.put("uploaded", TIME.format(a.uploadedAt()));
      r.put("late", a.late());
      r.put("file", a.fileName());
      r.put("result", result(a));
      r.put("counts", counting.isPresent() && counting.get().id() == a.id());
      r.put("flags", a.flags());
      rows.add(r);
    }
    return rows;
  }

  private static String result(Store.AttemptRow a) {
    return switch (a.status()) {
      case "graded" -> ClassResults.trim(a.score()) + "/" + ClassResults.trim(a.maxScore()) + " points";
      case "failed" -> "not graded: " + a.error();
      default -> "being graded";
    };
  }

  private void handout(Context ctx, Who w, String key, String type, String download) throws IOException {
    Optional<Path> file = set.get().handout(w.subject(), key);
    if (file.isEmpty()) {
      page(ctx, 404, Pages.message("Not found", "This file is not part of your problem set.", "error",
          "/student", w.csrf()));
      return;
    }
    if (download != null) {
      ctx.header("Content-Disposition", "attachment; filename=\"" + download + "\"");
    }
    ctx.contentType(type).result(Files.readAllBytes(file.get()));
  }

  private void upload(Context ctx, Who w) throws IOException {
    UploadedFile file;
    try {
      file = ctx.uploadedFile("sheet");
    } catch (RuntimeException e) {
      uploadTooLarge(ctx);
      return;
    }
    if (file == null || file.filename() == null || file.filename().isBlank()) {
      page(ctx, 400, Pages.message("No file", "Choose your filled-in answers.xlsx or answers.csv "
          + "and upload again.", "error", "/student", w.csrf()));
      return;
    }
    byte[] bytes;
    try (InputStream in = file.content()) {
      bytes = in.readNBytes(settings.maxUploadBytes() + 1);
    }
    if (bytes.length > settings.maxUploadBytes()) {
      uploadTooLarge(ctx);
      return;
    }
    String name = fileName(file.filename());
    Store.Stored stored = attempts.upload(w.subject(), name, bytes);
    if (!stored.accepted()) {
      store.audit(w.subject(), "upload-refused", name + ": " + stored.refusal(), ctx.ip(), clock.instant());
      int status = stored.refusal().contains("last minute") ? 429 : 403;
      page(ctx, status, Pages.message("Upload not accepted", "Your upload was not accepted: "
          + stored.refusal() + ".", "error", "/student", w.csrf()));
      return;
    }
    Store.AttemptRow a = store.attempt(stored.id()).orElseThrow();
    store.audit(w.subject(), "upload", "attempt " + a.id() + " " + name + " (" + bytes.length
        + " bytes): " + a.status(), ctx.ip(), clock.instant());
    ctx.redirect("/student/attempts/" + a.id(), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** The base name of an uploaded file, without folders and control characters, at most 200 characters. */
  static String fileName(String raw) {
    String base = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1)
        .replaceAll("[\\p{Cntrl}]", "").strip();
    if (base.isEmpty()) {
      base = "upload";
    }
    return base.length() > 200 ? base.substring(base.length() - 200) : base;
  }

  private void studentAttempt(Context ctx, Who w) {
    Optional<Store.AttemptRow> a = attemptParam(ctx).flatMap(store::attempt)
        .filter(x -> x.studentId().equals(w.subject()));
    if (a.isEmpty()) {
      // Someone else's attempt answers exactly like one that does not exist.
      page(ctx, 404, Pages.message("Not found", "There is no such attempt of yours.", "error", "/student", w.csrf()));
      return;
    }
    report(ctx, a.get(), "/student");
  }

  private static Optional<Long> attemptParam(Context ctx) {
    try {
      return Optional.of(Long.parseLong(ctx.pathParam("id")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void report(Context ctx, Store.AttemptRow a, String back) {
    String html = a.reportHtml();
    if (html == null) {
      page(ctx, 200, Pages.message("Being graded", "This attempt is stored and being graded; "
          + "reload the page in a moment.", "note", back, null));
      return;
    }
    String nav = "<p style=\"font-family:sans-serif\"><a href=\"" + back + "\" id=\"back\">Back</a></p>";
    int body = html.indexOf("<body");
    int end = body < 0 ? -1 : html.indexOf('>', body);
    page(ctx, 200, end < 0 ? nav + html : html.substring(0, end + 1) + nav + html.substring(end + 1));
  }

  // ---- staff

  private void loginPage(Context ctx) {
    loginForm(ctx, 200, null);
  }

  private void loginForm(Context ctx, int status, String error) {
    String token = Tokens.newToken();
    setCookie(ctx, LOGIN_COOKIE, token, 3600, "/staff/login");
    Map<String, Object> scope = new HashMap<>();
    scope.put("title", "Staff sign-in");
    scope.put("loginCsrf", token);
    scope.put("error", error);
    page(ctx, status, Pages.render("login", scope));
  }

  private void login(Context ctx) {
    if (tooLarge(ctx)) {
      return;
    }
    String expected = ctx.cookie(LOGIN_COOKIE);
    if (!Tokens.same(ctx.formParam("csrf"), expected)) {
      loginForm(ctx, 403, "The sign-in form was out of date; sign in again.");
      return;
    }
    String email = String.valueOf(ctx.formParam("email")).strip().toLowerCase(Locale.ROOT);
    String password = String.valueOf(ctx.formParam("password"));
    Optional<Store.StaffRow> account = store.staff(email);
    boolean ok = BCrypt.checkpw(password, account.map(Store.StaffRow::passwordHash).orElse(DUMMY_HASH))
        && account.isPresent();
    if (!ok) {
      store.audit(email, "staff-sign-in-refused", "wrong email or password", ctx.ip(), clock.instant());
      loginForm(ctx, 401, "Wrong email or password.");
      return;
    }
    Store.NewSession s = store.newSession("staff", email, clock.instant(), SESSION_TTL);
    setCookie(ctx, SESSION_COOKIE, s.token(), SESSION_TTL.toSeconds(), "/");
    store.audit(email, "staff-sign-in", account.get().role(), ctx.ip(), clock.instant());
    ctx.redirect("/staff", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void dashboard(Context ctx, Who w) {
    PortalSet s = set.get();
    Map<String, List<Store.AttemptRow>> byStudent = new HashMap<>();
    for (Store.AttemptRow a : store.allAttempts()) {
      byStudent.computeIfAbsent(a.studentId(), k -> new ArrayList<>()).add(a);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Map<String, Object>> missing = new ArrayList<>();
    int graded = 0;
    double sum = 0;
    for (SetStudent st : s.students()) {
      List<Store.AttemptRow> mine = byStudent.getOrDefault(st.id(), List.of());
      Optional<Store.AttemptRow> counting = attempts.counting(mine);
      Map<String, Object> r = new HashMap<>();
      r.put("id", st.id());
      r.put("name", st.name());
      r.put("attempts", mine.size());
      r.put("result", counting.map(PortalServer::result).orElse("no submission"));
      rows.add(r);
      if (mine.isEmpty()) {
        missing.add(r);
      }
      if (counting.isPresent() && "graded".equals(counting.get().status())) {
        graded++;
        sum += counting.get().maxScore() > 0 ? 100 * counting.get().score() / counting.get().maxScore() : 0;
      }
    }
    Map<String, Object> scope = new HashMap<>();
    scope.put("title", "Class dashboard");
    scope.put("csrf", w.csrf());
    scope.put("email", w.subject());
    scope.put("role", w.role());
    scope.put("instructor", "instructor".equals(w.role()));
    scope.put("template", s.template().id());
    scope.put("studentCount", s.students().size());
    scope.put("submitted", s.students().size() - missing.size());
    scope.put("graded", graded);
    scope.put("mean", graded == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", sum / graded));
    scope.put("missing", missing);
    scope.put("missingCount", missing.size());
    scope.put("rows", rows);
    page(ctx, 200, Pages.render("dashboard", scope));
  }

  private void summary(Context ctx, Who w) throws IOException {
    page(ctx, 200, ClassResults.summary(set.get(), attempts.countingSubmissions()));
  }

  private void staffStudent(Context ctx, Who w) {
    String id = ctx.pathParam("id");
    if (set.get().student(id).isEmpty()) {
      page(ctx, 404, Pages.message("Not found", "No student " + id + " in this problem set.", "error", "/staff", w.csrf()));
      return;
    }
    List<Store.AttemptRow> list = store.attempts(id);
    Map<String, Object> scope = new HashMap<>();
    scope.put("title", "Attempts of " + id);
    scope.put("csrf", w.csrf());
    scope.put("attempts", attemptRows(list, attempts.counting(list)));
    page(ctx, 200, Pages.render("staff-student", scope));
  }

  private void staffAttempt(Context ctx, Who w, boolean original) {
    Optional<Store.AttemptRow> a = attemptParam(ctx).flatMap(store::attempt);
    if (a.isEmpty()) {
      page(ctx, 404, Pages.message("Not found", "There is no such attempt.", "error", "/staff", w.csrf()));
      return;
    }
    if (!original) {
      report(ctx, a.get(), "/staff/students/" + a.get().studentId());
      return;
    }
    store.audit(w.subject(), "download", "original file of attempt " + a.get().id(), ctx.ip(), clock.instant());
    String name = (a.get().studentId() + "-" + a.get().id() + "-" + a.get().fileName())
        .replaceAll("[^A-Za-z0-9._-]", "_");
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    ctx.contentType("application/octet-stream").result(store.content(a.get().id()));
  }

  private void export(Context ctx, Who w) throws IOException {
    String format = ctx.pathParam("format");
    PortalSet s = set.get();
    List<GradedSubmission> counting = attempts.countingSubmissions();
    byte[] body;
    String fileName;
    if (format.equals(ClassReport.GRADES_CSV) || format.equals(ClassReport.STEPS_CSV)) {
      body = ClassResults.file(s, counting, format);
      fileName = format;
    } else {
      ExportFormat f;
      try {
        f = ExportFormat.parse(format);
      } catch (IllegalArgumentException e) {
        page(ctx, 404, Pages.message("Not found", "No export format '" + format + "'; use canvas, "
            + "moodle, blackboard or generic.", "error", "/staff", w.csrf()));
        return;
      }
      String assignment = Optional.ofNullable(ctx.queryParam("assignment")).filter(a -> !a.isBlank()).orElse("nngrader");
      boolean zero = "true".equals(ctx.queryParam("missing-as-zero"));
      body = ClassResults.export(s, counting, f, new GradeExporter.Options(assignment, null, zero, null, null));
      fileName = f.name().toLowerCase(Locale.ROOT) + ".csv";
    }
    store.audit(w.subject(), "export", format + " (" + counting.size() + " students with a submission)",
        ctx.ip(), clock.instant());
    ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    ctx.contentType("text/csv; charset=utf-8").result(body);
  }

  private void regrade(Context ctx, Who w) {
    int n;
    try {
      n = attempts.regradeAll();
    } catch (IllegalArgumentException e) {
      page(ctx, 409, Pages.message("Regrade not done", e.getMessage(), "error", "/staff", w.csrf()));
      return;
    }
    store.audit(w.subject(), "regrade", n + " attempts with rubric " + set.get().rubric().name(), ctx.ip(), clock.instant());
    page(ctx, 200, Pages.message("Regraded", "Regraded " + n + " attempt" + (n == 1 ? "" : "s")
        + " with rubric " + set.get().rubric().name() + ".", "note", "/staff", w.csrf()));
  }
}
