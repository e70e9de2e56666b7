package org.nngrader.grader.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The submissions under a folder, depth first, each folder's entries sorted by name, hidden files
 * and clutter skipped. Lazy: one folder listing per level is held, never the files' bytes.
 * Symbolic links to folders are not followed (no cycles); a link to a file is read only when
 * the file is inside the submissions folder, and is otherwise listed as refused, so a link can
 * never bring a file from elsewhere into a report.
 */
final class FolderSubmissions implements Iterator<SubmissionEntry> {

  private final Path root;
  private Path realRoot;
  private final ZipLimits limits;
  private final Deque<Iterator<Path>> stack = new ArrayDeque<>();
  private SubmissionEntry next;

  private FolderSubmissions(Path root, ZipLimits limits) {
    this.root = root;
    this.limits = limits;
  }

  static Stream<SubmissionEntry> open(Path folder, ZipLimits limits) throws IOException {
    FolderSubmissions walk = new FolderSubmissions(folder, limits);
    walk.stack.push(list(folder).iterator());
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(walk, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** A single file given as the submissions path. */
  static Stream<SubmissionEntry> single(Path file, ZipLimits limits) {
    FolderSubmissions none = new FolderSubmissions(file.getParent(), limits);
    return Stream.of(none.fileEntry(file, String.valueOf(file.getFileName())));
  }

  @Override
  public boolean hasNext() {
    while (next == null && !stack.isEmpty()) {
      Iterator<Path> top = stack.peek();
      if (!top.hasNext()) {
        stack.pop();
        continue;
      }
      Path path = top.next();
      String name = relative(path);
      if (EntryNames.skipped(String.valueOf(path.getFileName()))) {
        continue;
      }
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        try {
          stack.push(list(path).iterator());
        } catch (IOException e) {
          next = new SubmissionProblem(name, "the folder could not be listed ("
              + e.getMessage() + "); check its permissions");
        }
      } else if (Files.isSymbolicLink(path)) {
        next = linked(path, name);
      } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        next = fileEntry(path, name);
      }
    }
    return next != null;
  }

  @Override
  public SubmissionEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    SubmissionEntry result = next;
    next = null;
    return result;
  }

  /** A link: read when it points at a file inside the submissions folder, else refused. */
  private SubmissionEntry linked(Path link, String name) {
    try {
      if (realRoot == null) {
        realRoot = root.toRealPath();
      }
      Path target = link.toRealPath();
      if (target.startsWith(realRoot) && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
        return fileEntry(target, name);
      }
      if (Files.isDirectory(target)) {
        return null;
      }
    } catch (IOException broken) {
      return new SubmissionProblem(name, "is a symbolic link to a file that does not exist, so"
          + " it was not read; copy the student's file itself into the folder");
    }
    return new SubmissionProblem(name, "is a symbolic link to a file outside the submissions"
        + " folder, so it was not read; copy the student's file itself into the folder");
  }

  private SubmissionEntry fileEntry(Path path, String name) {
    if (EntryNames.isArchive(name)) {
      return new SubmissionProblem(name, EntryNames.nestedArchiveMessage());
    }
    Instant modified;
    long size;
    try {
      modified = Files.getLastModifiedTime(path).toInstant();
      size = Files.size(path);
    } catch (IOException e) {
      return new SubmissionProblem(name, "the file could not be read (" + e.getMessage()
          + "); check its permissions");
    }
    if (size > limits.maxEntryBytes()) {
      return new SubmissionProblem(name, "the file is " + size + " bytes, more than "
          + ZipBytes.mib(limits.maxEntryBytes()) + " (limit ZipLimits.maxEntryBytes); an answer"
          + " sheet is a few kilobytes — ask the student for the answer template");
    }
    LimitedRead reader = new LimitedRead(name, limits);
    return new Submission(name, LmsName.parse(name), modified, () -> {
      try (InputStream in = Files.newInputStream(path)) {
        return reader.read(in, name, -1);
      }
    });
  }

  private String relative(Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.sorted(Comparator.comparing(p -> String.valueOf(p.getFileName()))).toList();
    }
  }
}
