package org.nngrader.grader.read;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The submissions in an LMS bulk-download (or any) zip, read in place: nothing is extracted to
 * disk. Opening checks the whole zip first (entry names, count, every entry's actual inflated size
 * and ratio, the total), so an unsafe zip is refused before anything in it is graded; entries are
 * then read one at a time on demand, under the same per-entry limits.
 */
final class ZipSubmissions {

  private ZipSubmissions() {}

  /**
   * @throws ZipSafetyException when any entry is unsafe or a limit is broken
   * @throws IOException when the file is not a readable zip
   */
  static Stream<SubmissionEntry> open(Path zipPath, ZipLimits limits) throws IOException {
    String zipName = String.valueOf(zipPath.getFileName());
    ZipFile zip = openZip(zipPath, zipName);
    try {
      Map<String, String> damaged = check(zip, zipName, limits);
      List<ZipEntry> entries = new ArrayList<>();
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (!entry.isDirectory() && !EntryNames.skipped(entry.getName())) {
          entries.add(entry);
        }
      }
      entries.sort(Comparator.comparing(ZipEntry::getName));
      LimitedRead reader = new LimitedRead(zipName, limits);
      Iterator<SubmissionEntry> items = entries.stream()
          .map(entry -> item(zip, entry, damaged.get(entry.getName()), reader))
          .iterator();
      return StreamSupport.stream(
              Spliterators.spliterator(items, entries.size(),
                  Spliterator.ORDERED | Spliterator.NONNULL),
              false)
          .onClose(() -> closeQuietly(zip));
    } catch (IOException | RuntimeException e) {
      closeQuietly(zip);
      throw e;
    }
  }

  /** Whether the file at {@code path} is a zip that is not itself an Office document. */
  static boolean isBulkZip(Path path) throws IOException {
    try (ZipFile zip = openZip(path, String.valueOf(path.getFileName()))) {
      return zip.getEntry("[Content_Types].xml") == null;
    }
  }

  private static ZipFile openZip(Path path, String zipName) throws IOException {
    try {
      return new ZipFile(path.toFile(), StandardCharsets.UTF_8);
    } catch (ZipException utf8Failed) {
      // Zips made on Windows without the UTF-8 flag use the DOS code page for names.
      Charset dos = Charset.isSupported("IBM437") ? Charset.forName("IBM437")
          : StandardCharsets.ISO_8859_1;
      try {
        return new ZipFile(path.toFile(), dos);
      } catch (ZipException e) {
        throw new ZipException(zipName + ": not a readable zip file (" + e.getMessage()
            + "; an interrupted download?); download it again from the LMS");
      }
    }
  }

  /**
   * Inflates every entry that would be read, counting real bytes against the limits.
   *
   * @return entry name to the reason it could not be inflated (damaged, not unsafe)
   */
  private static Map<String, String> check(ZipFile zip, String zipName, ZipLimits limits)
      throws IOException {
    if (zip.size() > limits.maxEntries()) {
      throw new ZipSafetyException(zipName, null, "lists " + zip.size() + " entries, more than "
          + limits.maxEntries() + " (limit ZipLimits.maxEntries)");
    }
    LimitedRead reader = new LimitedRead(zipName, limits);
    Map<String, String> damaged = new HashMap<>();
    long total = 0;
    int count = 0;
    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
      ZipEntry entry = e.nextElement();
      if (++count > limits.maxEntries()) {
        throw new ZipSafetyException(zipName, null, "has more than " + limits.maxEntries()
            + " entries (limit ZipLimits.maxEntries)");
      }
      String unsafe = EntryNames.unsafe(entry.getName());
      if (unsafe != null) {
        throw new ZipSafetyException(zipName, entry.getName(), unsafe);
      }
      if (entry.isDirectory() || EntryNames.skipped(entry.getName())
          || EntryNames.isArchive(entry.getName())) {
        continue;
      }
      try (InputStream in = zip.getInputStream(entry)) {
        total += reader.count(in, entry.getName(), entry.getCompressedSize(),
            limits.maxTotalBytes() - total);
      } catch (ZipException | EOFException ex) {
        damaged.put(entry.getName(), ex.getMessage());
      }
    }
    return damaged;
  }

  private static SubmissionEntry item(ZipFile zip, ZipEntry entry, String damage,
      LimitedRead reader) {
    String name = entry.getName().replace('\\', '/');
    if (EntryNames.isArchive(name)) {
      return new SubmissionProblem(name, EntryNames.nestedArchiveMessage());
    }
    if (damage != null) {
      return new SubmissionProblem(name, "the zip entry is damaged (" + damage
          + "); download the zip again from the LMS");
    }
    return new Submission(name, LmsName.parse(name), time(entry), () -> {
      try (InputStream in = zip.getInputStream(entry)) {
        return reader.read(in, name, entry.getCompressedSize());
      } catch (IllegalStateException closed) {
        throw new IOException(name + ": the submissions zip was already closed", closed);
      }
    });
  }

  /**
   * The entry's time: an extended (UTC) timestamp when the zip has one, else the DOS time taken as
   * UTC, so the result does not depend on the machine's time zone.
   */
  private static Instant time(ZipEntry entry) {
    if (hasExtendedTime(entry.getExtra())) {
      return entry.getLastModifiedTime().toInstant();
    }
    return entry.getTimeLocal() == null ? null : entry.getTimeLocal().toInstant(ZoneOffset.UTC);
  }

  private static boolean hasExtendedTime(byte[] extra) {
    if (extra == null) {
      return false;
    }
    for (int at = 0; at + 4 <= extra.length; ) {
      int id = (extra[at] & 0xFF) | (extra[at + 1] & 0xFF) << 8;
      int length = (extra[at + 2] & 0xFF) | (extra[at + 3] & 0xFF) << 8;
      if (id == 0x5455 || id == 0x000A) {
        return true;
      }
      at += 4 + length;
    }
    return false;
  }

  private static void closeQuietly(ZipFile zip) {
    try {
      zip.close();
    } catch (IOException e) {
      // Closing a zip read only for reading loses nothing.
    }
  }
}
