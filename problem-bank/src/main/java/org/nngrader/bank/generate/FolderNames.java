package org.nngrader.bank.generate;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File-system-safe names for student ids, unique within one folder even on case-insensitive
 * file systems. An id made of letters, digits, dot, dash and underscore is its own name; any
 * other id gets its unsafe characters replaced and a short hash of the id appended, so two ids
 * never share a folder. Not thread-safe (remembers the names it gave).
 */
final class FolderNames {

  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");
  private static final Pattern RESERVED =
      Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
  private static final int MAX = 48;

  private final Set<String> taken = new HashSet<>();

  /** @param reserved names already used in the folder (files of the set itself) */
  FolderNames(Set<String> reserved) {
    reserved.forEach(r -> taken.add(r.toLowerCase(Locale.ROOT)));
  }

  /** The folder (or file stem) of a student id, different from every name given before. */
  String of(String studentId) {
    String name = safe(studentId);
    for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
      name = safe(studentId) + "-" + hash(studentId + "#" + n);
    }
    return name;
  }

  /** The name of an id on its own, before uniqueness within a folder. */
  static String safe(String id) {
    String s = UNSAFE.matcher(id).replaceAll("_");
    while (s.startsWith(".")) {
      s = s.substring(1);
    }
    if (s.equals(id) && s.length() <= MAX && !RESERVED.matcher(s).matches()) {
      return s;
    }
    if (s.length() > MAX) {
      s = s.substring(0, MAX);
    }
    return (s.isEmpty() ? "student" : s) + "-" + hash(id);
  }

  private static String hash(String text) {
    return HexFormat.of().formatHex(Variant.sha256(text)).substring(0, 8);
  }
}
