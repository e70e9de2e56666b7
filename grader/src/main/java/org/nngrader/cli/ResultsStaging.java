package org.nngrader.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.nngrader.grader.export.ResultsFolder;

/**
 * The hidden folders {@code grade} builds its results in, beside the target ({@code
 * .results.partial-*}) and moves an old results folder to before deleting it ({@code
 * .results.old-*}). Each is marked as nngrader's own and its marker is locked while a run uses it,
 * so a later run removes what a killed run left behind, and only that: never a folder without
 * the marker, never a link, never the folder of a run that is still going.
 */
final class ResultsStaging {

  private ResultsStaging() {}

  static String prefix(Path target) {
    return "." + target.getFileName() + ".partial-";
  }

  static String oldPrefix(Path target) {
    return "." + target.getFileName() + ".old-";
  }

  /**
   * Marks a fresh staging folder and locks the marker for as long as the returned channel is
   * open (the operating system drops the lock when the process dies, even by kill -9).
   */
  static FileChannel claim(Path staging) throws IOException {
    Path marker = ResultsFolder.mark(staging);
    FileChannel channel = FileChannel.open(marker, StandardOpenOption.WRITE);
    try {
      if (channel.tryLock() == null) {
        throw new IOException(marker + ": could not be locked");
      }
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return channel;
  }

  /** Removes the staging folders of earlier runs for the same target that no run holds. */
  static void removeStale(Path target) throws IOException {
    Path parent = target.getParent();
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> list = Files.newDirectoryStream(parent)) {
      for (Path p : list) {
        String name = String.valueOf(p.getFileName());
        if ((name.startsWith(prefix(target)) || name.startsWith(oldPrefix(target)))
            && ResultsFolder.isMarked(p) && !inUse(p.resolve(ResultsFolder.MARKER))) {
          stale.add(p);
        }
      }
    }
    for (Path p : stale) {
      deleteQuietly(p);
    }
  }

  private static boolean inUse(Path marker) {
    try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException sameProcess) {
      return true;
    } catch (IOException unreadable) {
      return true;
    }
  }

  /** Deletes a tree without following links; what cannot be deleted stays (a later run retries). */
  static void deleteQuietly(Path folder) {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | RuntimeException e) {
      // Left for the next run's removeStale; the results themselves are complete or absent.
    }
  }
}
