package org.nngrader.grader.read;

import java.util.Locale;
import java.util.Set;

/** Which entry names are unsafe, which are clutter to skip, and which are nested archives. */
final class EntryNames {

  private static final Set<String> CLUTTER = Set.of("thumbs.db", "desktop.ini");
  private static final Set<String> ARCHIVES = Set.of("zip", "7z", "rar", "tar", "gz", "tgz");

  private EntryNames() {}

  /** Why {@code name} is unsafe to take as a relative path, or {@code null} when it is safe. */
  static String unsafe(String name) {
    if (name.indexOf('\0') >= 0) {
      return "has a NUL character in its name";
    }
    String path = name.replace('\\', '/');
    if (path.startsWith("/")) {
      return "is an absolute path";
    }
    if (path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0))) {
      return "starts with a drive letter";
    }
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        return "climbs out of the folder with '..' (path traversal)";
      }
    }
    return null;
  }

  /**
   * Clutter that is no one's submission: macOS resource forks ({@code __MACOSX/}, {@code ._x}),
   * {@code .DS_Store} and other hidden files, Office lock files ({@code ~$answers.xlsx}),
   * Windows thumbnails.
   */
  static boolean skipped(String name) {
    for (String segment : name.replace('\\', '/').split("/")) {
      if (segment.startsWith(".") || segment.equals("__MACOSX") || segment.startsWith("~$")
          || CLUTTER.contains(segment.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  static boolean isArchive(String name) {
    int dot = name.lastIndexOf('.');
    return dot >= 0 && ARCHIVES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  static String nestedArchiveMessage() {
    return "is an archive inside the submissions; archives inside archives or folders are not"
        + " opened — extract it, or ask the student to hand in the answer sheet itself";
  }
}
