package org.nngrader.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cookie-keeping HTTP client for one user of the portal, as a scripted browser: it follows no
 * redirect by itself (tests assert them) and sends forms the way a page does.
 */
final class Browser {

  private final HttpClient client;
  private final String base;
  final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

  Browser(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  HttpResponse<byte[]> getBytes(String path) {
    try {
      return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET, following redirects inside the portal. */
  HttpResponse<String> open(String path) {
    HttpResponse<String> r = get(path);
    for (int i = 0; i < 5 && r.statusCode() / 100 == 3; i++) {
      r = get(r.headers().firstValue("Location").orElseThrow());
    }
    return r;
  }

  HttpResponse<String> post(String path, Map<String, String> form) {
    StringJoiner body = new StringJoiner("&");
    form.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
  }

  /** A multipart upload of {@code content} as the form's file field {@code sheet}. */
  HttpResponse<String> upload(String csrf, String fileName, byte[] content) {
    String boundary = "----nngrader" + System.nanoTime();
    List<byte[]> parts = new ArrayList<>();
    if (csrf != null) {
      parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"sheet\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    parts.add(content);
    parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(uri("/student/upload"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build());
  }

  HttpResponse<String> upload(String csrf, Path file) throws IOException {
    return upload(csrf, file.getFileName().toString(), Files.readAllBytes(file));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(path.startsWith("http") ? path : base + path);
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  /** The CSRF token of the first form on a page. */
  static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no form with a csrf token on the page:\n" + html);
    }
    return m.group(1);
  }

  /** Opens an invite link and returns the student's home page. */
  String signInStudent(String link) {
    HttpResponse<String> r = get(link);
    if (r.statusCode() != 303) {
      throw new AssertionError("invite link answered " + r.statusCode() + ": " + r.body());
    }
    return open("/student").body();
  }

  /** Signs a staff member in; returns the dashboard. */
  HttpResponse<String> signInStaff(String email, String password) {
    String token = csrf(get("/staff/login").body());
    HttpResponse<String> r = post("/staff/login", Map.of("csrf", token, "email", email, "password", password));
    return r.statusCode() == 303 ? open("/staff") : r;
  }
}
