package org.nngrader.grader.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.X000A_NTFS;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The submissions in an LMS bulk-download (or any) zip, read in place: nothing is extracted to
 * disk. Opening checks the whole zip first (entry names, count, every entry's actual inflated size
 * and ratio, the total), so an unsafe zip is refused before anything in it is graded; entries are
 * then read one at a time on demand, under the same per-entry limits. Entries are read by their
 * place in the archive, not by name, so two entries of the same name are two submissions; an
 * encrypted or damaged entry is refused on its own and the rest are still read.
 */
final class ZipSubmissions {

  private static final Charset DOS = Charset.isSupported("IBM437") ? Charset.forName("IBM437")
      : StandardCharsets.ISO_8859_1;

  private ZipSubmissions() {}

  /** One entry as listed: its name (decoded once) and, for a repeated name, its copy number. */
  private record Listed(ZipArchiveEntry entry, String name, int copy) {
    String entryName() {
      return copy == 1 ? name : name + " (copy " + copy + " of this name in the zip)";
    }
  }

  /**
   * @throws ZipSafetyException when any entry is unsafe or a limit is broken
   * @throws IOException when the file is not a readable zip
   */
  static Stream<SubmissionEntry> open(Path zipPath, ZipLimits limits) throws IOException {
    String zipName = String.valueOf(zipPath.getFileName());
    ZipFile zip = openZip(zipPath, zipName);
    try {
      List<Listed> listed = list(zip, zipName, limits);
      Map<ZipArchiveEntry, String> damaged = check(zip, listed, zipName, limits);
      List<Listed> entries = new ArrayList<>();
      for (Listed l : listed) {
        if (!l.entry().isDirectory() && !EntryNames.skipped(l.name())) {
          entries.add(l);
        }
      }
      entries.sort(Comparator.comparing(Listed::name).thenComparingInt(Listed::copy));
      LimitedRead reader = new LimitedRead(zipName, limits);
      Iterator<SubmissionEntry> items = entries.stream()
          .map(l -> item(zip, l, damaged.get(l.entry()), reader))
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

  /**
   * Whether the file at {@code path} is a zip that is not itself an Office document: an xlsx has
   * its workbook part ({@code xl/workbook.xml}) or at least an {@code xl/} folder beside {@code
   * [Content_Types].xml}; a bulk download that merely holds a stray {@code [Content_Types].xml}
   * is still a bulk download.
   */
  static boolean isBulkZip(Path path) throws IOException {
    try (ZipFile zip = openZip(path, String.valueOf(path.getFileName()))) {
      List<String> names = new ArrayList<>();
      for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
        names.add(name(e));
      }
      return !SheetReaders.isOfficeDocument(names);
    }
  }

  private static ZipFile openZip(Path path, String zipName) throws IOException {
    try {
      return ZipFile.builder().setPath(path).setCharset(StandardCharsets.UTF_8)
          .setUseUnicodeExtraFields(false).get();
    } catch (IOException | RuntimeException e) {
      throw new ZipException(zipName + ": not a readable zip file (" + e.getMessage()
          + "; an interrupted download?); download it again from the LMS");
    }
  }

  /**
   * The entry's name: UTF-8 when flagged or when its bytes are valid UTF-8, else the DOS code
   * page that zips made on Windows without the UTF-8 flag use.
   */
  private static String name(ZipArchiveEntry e) {
    // The raw bytes, as the entry's own name would have its backslashes turned into slashes.
    if (e.getRawName() == null) {
      return e.getName();
    }
    if (e.getGeneralPurposeBit().usesUTF8ForNames()) {
      return new String(e.getRawName(), StandardCharsets.UTF_8);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(e.getRawName())).toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(e.getRawName(), DOS);
    }
  }

  /** Every entry in the order of the archive, with its name checked and its copy counted. */
  private static List<Listed> list(ZipFile zip, String zipName, ZipLimits limits)
      throws ZipSafetyException {
    List<ZipArchiveEntry> all = Collections.list(zip.getEntriesInPhysicalOrder());
    if (all.size() > limits.maxEntries()) {
      throw new ZipSafetyException(zipName, null, "lists " + all.size() + " entries, more than "
          + limits.maxEntries() + " (limit ZipLimits.maxEntries)");
    }
    List<Listed> listed = new ArrayList<>();
    Map<String, Integer> copies = new HashMap<>();
    for (ZipArchiveEntry entry : all) {
      String raw = name(entry);
      String unsafe = EntryNames.unsafe(raw);
      if (unsafe != null) {
        throw new ZipSafetyException(zipName, raw, unsafe);
      }
      String name = raw.replace('\\', '/');
      listed.add(new Listed(entry, name, copies.merge(name, 1, Integer::sum)));
    }
    return listed;
  }

  /**
   * Inflates every entry that would be read, counting real bytes against the limits.
   *
   * @return entry to the reason it could not be inflated (damaged or encrypted, not unsafe)
   */
  private static Map<ZipArchiveEntry, String> check(ZipFile zip, List<Listed> listed,
      String zipName, ZipLimits limits) throws IOException {
    LimitedRead reader = new LimitedRead(zipName, limits);
    Map<ZipArchiveEntry, String> damaged = new IdentityHashMap<>();
    long total = 0;
    for (Listed l : listed) {
      ZipArchiveEntry entry = l.entry();
      if (entry.isDirectory() || EntryNames.skipped(l.name()) || EntryNames.isArchive(l.name())) {
        continue;
      }
      String unreadable = unreadable(zip, entry);
      if (unreadable != null) {
        damaged.put(entry, unreadable);
        continue;
      }
      try (InputStream in = zip.getInputStream(entry)) {
        total += reader.count(in, l.entryName(), entry.getCompressedSize(),
            limits.maxTotalBytes() - total);
      } catch (ZipSafetyException unsafe) {
        if (!unsafe.entryTooLarge()) {
          throw unsafe;
        }
        // Counted up to the limit; the total stays bounded by the entry limit per entry.
        total += limits.maxEntryBytes();
        damaged.put(entry, "the file " + unsafe.problem() + "; an answer sheet is a few kilobytes"
            + " — ask the student for the answer template");
      } catch (IOException | RuntimeException ex) {
        damaged.put(entry, "the zip entry is damaged (" + ex.getMessage()
            + "); download the zip again from the LMS");
      }
    }
    return damaged;
  }

  /** Why an entry cannot be read at all (encrypted, unknown compression), or null. */
  private static String unreadable(ZipFile zip, ZipArchiveEntry entry) {
    if (entry.getGeneralPurposeBit().usesEncryption()) {
      return "the zip entry is encrypted (password-protected), so it cannot be read; ask the"
          + " student to upload the answer sheet without a password";
    }
    if (!zip.canReadEntryData(entry)) {
      return "the zip entry uses compression method " + entry.getMethod() + ", which cannot be"
          + " read; download the zip again from the LMS, or extract it yourself and pass the"
          + " folder";
    }
    return null;
  }

  private static SubmissionEntry item(ZipFile zip, Listed l, String damage, LimitedRead reader) {
    String name = l.entryName();
    if (EntryNames.isArchive(l.name())) {
      return new SubmissionProblem(name, EntryNames.nestedArchiveMessage(), l.name());
    }
    if (damage != null) {
      return new SubmissionProblem(name, damage, l.name());
    }
    ZipArchiveEntry entry = l.entry();
    return new Submission(name, LmsName.parse(l.name()), time(entry), () -> {
      try (InputStream in = zip.getInputStream(entry)) {
        return reader.read(in, name, entry.getCompressedSize());
      } catch (java.nio.channels.ClosedChannelException | IllegalStateException closed) {
        throw new IOException(name + ": the submissions zip was already closed", closed);
      }
    });
  }

  /**
   * The entry's time: an extended (UTC) timestamp when the zip has one, else the DOS time taken as
   * UTC, so the result does not depend on the machine's time zone.
   */
  private static Instant time(ZipArchiveEntry entry) {
    if (entry.getExtraField(X5455_ExtendedTimestamp.HEADER_ID)
        instanceof X5455_ExtendedTimestamp x && x.isBit0_modifyTimePresent()) {
      return x.getModifyJavaTime().toInstant();
    }
    if (entry.getExtraField(X000A_NTFS.HEADER_ID) instanceof X000A_NTFS ntfs
        && ntfs.getModifyJavaTime() != null) {
      return ntfs.getModifyJavaTime().toInstant();
    }
    return entry.getTimeLocal() == null ? null : entry.getTimeLocal().toInstant(ZoneOffset.UTC);
  }

  private static void closeQuietly(ZipFile zip) {
    try {
      zip.close();
    } catch (IOException e) {
      // Closing a zip read only for reading loses nothing.
    }
  }
}
