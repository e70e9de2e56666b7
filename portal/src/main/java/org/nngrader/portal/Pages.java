package org.nngrader.portal;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The portal's HTML pages: Mustache templates (HTML-escaped values) under org/nngrader/portal. */
final class Pages {

  private static final MustacheFactory FACTORY = new DefaultMustacheFactory("org/nngrader/portal");
  private static final Map<String, Mustache> COMPILED = new ConcurrentHashMap<>();

  private Pages() {}

  static String render(String name, Map<String, ?> scope) {
    Mustache m = COMPILED.computeIfAbsent(name, n -> FACTORY.compile(n + ".mustache"));
    StringWriter w = new StringWriter();
    m.execute(w, scope);
    return w.toString();
  }

  /** A page with one message (errors, refusals); never a stack trace or SQL. */
  static String message(String title, String message, String kind, String back, String csrf) {
    Map<String, Object> scope = new java.util.HashMap<>();
    scope.put("title", title);
    scope.put("message", message);
    scope.put("kind", kind);
    scope.put("back", back);
    scope.put("csrf", csrf);
    return render("message", scope);
  }
}
