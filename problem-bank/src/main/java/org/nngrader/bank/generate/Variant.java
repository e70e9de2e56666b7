package org.nngrader.bank.generate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One student's exercise: the value of every given (in the template's given order) and a
 * short id derived from them. Immutable.
 *
 * @param id {@code v} and 7 hex digits, see {@link #idOf}
 */
public record Variant(String id, Map<String, Double> parameters) {

  public Variant {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** A variant with its id computed from its parameters. */
  public static Variant of(String templateId, Map<String, Double> parameters) {
    return new Variant(idOf(templateId, parameters), parameters);
  }

  /**
   * The variant id of a template's parameters: {@code v} and the first 7 hex digits of the
   * SHA-256 of {@code templateId|name=value|...} (values as {@link Double#toString}, in map
   * order). Stable across runs and machines.
   */
  public static String idOf(String templateId, Map<String, Double> parameters) {
    StringBuilder sb = new StringBuilder(templateId);
    parameters.forEach((k, v) -> sb.append('|').append(k).append('=').append(v));
    return "v" + HexFormat.of().formatHex(sha256(sb.toString()), 0, 4).substring(0, 7);
  }

  static byte[] sha256(String text) {
    // A set of thousands of students asks for one id each when it is read: one digest per
    // thread, reset by digest() itself, instead of a provider look-up per id.
    return SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8));
  }

  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  });
}
