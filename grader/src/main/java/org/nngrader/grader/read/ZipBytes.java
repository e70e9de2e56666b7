package org.nngrader.grader.read;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * A zip archive held in memory (an xlsx file is one), read through its central directory so that
 * listing the entries inflates nothing and only the parts needed are inflated. Inflating counts the
 * bytes actually produced and stops at a size limit and at a compression-ratio limit, whatever the
 * headers claim; every inflated entry is checked against its CRC. Not thread-safe.
 */
final class ZipBytes {

  /** Entries above this size must not inflate more than {@link #MAX_RATIO} times their size. */
  static final long RATIO_THRESHOLD = 1L << 20;
  static final long MAX_RATIO = 100;
  /** More entries than any office file has; bounds the work a crafted directory can cause. */
  private static final int MAX_ENTRIES = 20_000;

  private static final int LOCAL_HEADER = 0x04034b50;
  private static final int CENTRAL_HEADER = 0x02014b50;
  private static final int END_OF_DIRECTORY = 0x06054b50;
  private static final int ZIP64_LOCATOR = 0x07064b50;
  private static final int ZIP64_END = 0x06064b50;

  /** One central-directory entry. */
  record Entry(String name, int flags, int method, long crc, long compressedSize, long size,
      long localHeaderOffset) {}

  /** The limit on inflated size or ratio was hit. */
  static final class TooLarge extends ZipException {
    TooLarge(String message) {
      super(message);
    }
  }

  private final byte[] data;
  private final Map<String, Entry> entries;

  private ZipBytes(byte[] data, Map<String, Entry> entries) {
    this.data = data;
    this.entries = entries;
  }

  /** Whether {@code content} starts like a zip archive (a local header or an empty archive). */
  static boolean looksLikeZip(byte[] content) {
    return content.length >= 4 && (int32(content, 0) == LOCAL_HEADER
        || int32(content, 0) == END_OF_DIRECTORY);
  }

  /**
   * Reads the central directory.
   *
   * @throws ZipException when there is no readable central directory (e.g. a truncated file)
   */
  static ZipBytes open(byte[] data) throws ZipException {
    int end = findEndOfDirectory(data);
    if (end < 0) {
      throw new ZipException("no zip central directory at the end of the file (truncated?)");
    }
    long count = uint16(data, end + 10);
    long offset = uint32(data, end + 16);
    if (count == 0xFFFF || offset == 0xFFFFFFFFL) {
      int locator = end - 20;
      if (locator < 0 || int32(data, locator) != ZIP64_LOCATOR) {
        throw new ZipException("zip64 directory locator missing");
      }
      long record = int64(data, locator + 8);
      if (record < 0 || record > data.length - 56 || int32(data, (int) record) != ZIP64_END) {
        throw new ZipException("zip64 end of directory record missing");
      }
      count = int64(data, (int) record + 32);
      offset = int64(data, (int) record + 48);
    }
    if (count > MAX_ENTRIES) {
      throw new TooLarge("the archive lists " + count + " entries, more than " + MAX_ENTRIES);
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    long at = offset;
    for (long i = 0; i < count; i++) {
      if (at < 0 || at > data.length - 46 || int32(data, (int) at) != CENTRAL_HEADER) {
        throw new ZipException("central directory entry " + (i + 1) + " is damaged");
      }
      Entry entry = centralEntry(data, (int) at);
      entries.putIfAbsent(entry.name(), entry);
      at += 46L + uint16(data, (int) at + 28) + uint16(data, (int) at + 30)
          + uint16(data, (int) at + 32);
    }
    return new ZipBytes(data, Collections.unmodifiableMap(entries));
  }

  Collection<String> names() {
    return entries.keySet();
  }

  boolean has(String name) {
    return entries.containsKey(name);
  }

  Collection<Entry> entries() {
    return entries.values();
  }

  /**
   * Inflates one entry.
   *
   * @return the entry's bytes, or {@code null} when there is no such entry
   * @throws TooLarge when it inflates to more than {@code maxBytes} or beyond the ratio limit
   * @throws ZipException when the entry is damaged, encrypted or uses an unknown compression
   */
  byte[] read(String name, long maxBytes) throws ZipException {
    Entry e = entries.get(name);
    return e == null ? null : read(e, maxBytes);
  }

  byte[] read(Entry e, long maxBytes) throws ZipException {
    if ((e.flags() & 1) != 0) {
      throw new ZipException("entry '" + e.name() + "' is encrypted (password-protected)");
    }
    long local = e.localHeaderOffset();
    if (local < 0 || local > data.length - 30 || int32(data, (int) local) != LOCAL_HEADER) {
      throw new ZipException("entry '" + e.name() + "' has no local header (truncated?)");
    }
    long start = local + 30 + uint16(data, (int) local + 26) + uint16(data, (int) local + 28);
    if (start + e.compressedSize() > data.length) {
      throw new ZipException("entry '" + e.name() + "' is cut off (truncated file?)");
    }
    byte[] out;
    if (e.method() == 0) {
      if (e.size() != e.compressedSize()) {
        throw new ZipException("stored entry '" + e.name() + "' has inconsistent sizes");
      }
      checkSize(e, e.size(), maxBytes);
      out = new byte[(int) e.size()];
      System.arraycopy(data, (int) start, out, 0, out.length);
    } else if (e.method() == 8) {
      out = inflate(e, (int) start, maxBytes);
    } else {
      throw new ZipException("entry '" + e.name() + "' uses compression method " + e.method()
          + ", which is not supported");
    }
    CRC32 crc = new CRC32();
    crc.update(out);
    if (crc.getValue() != e.crc()) {
      throw new ZipException("entry '" + e.name() + "' is damaged (CRC mismatch)");
    }
    return out;
  }

  private byte[] inflate(Entry e, int start, long maxBytes) throws ZipException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(data, start, (int) e.compressedSize());
      long hint = e.size() > 0 && e.size() <= maxBytes ? e.size() : 8192;
      byte[] out = new byte[(int) Math.max(64, Math.min(hint, 1L << 20))];
      int length = 0;
      while (!inflater.finished()) {
        if (length == out.length) {
          checkSize(e, length + 1L, maxBytes);
          long grown = Math.min(Math.max(out.length * 2L, 64), maxBytes + 1);
          out = java.util.Arrays.copyOf(out, (int) grown);
        }
        int n = inflater.inflate(out, length, out.length - length);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new ZipException("entry '" + e.name() + "' is cut off (truncated file?)");
        }
        length += n;
        checkSize(e, length, maxBytes);
      }
      return length == out.length ? out : java.util.Arrays.copyOf(out, length);
    } catch (DataFormatException ex) {
      throw new ZipException("entry '" + e.name() + "' is damaged: " + ex.getMessage());
    } finally {
      inflater.end();
    }
  }

  private static void checkSize(Entry e, long inflated, long maxBytes) throws TooLarge {
    if (inflated > maxBytes) {
      throw new TooLarge("entry '" + e.name() + "' inflates to more than " + mib(maxBytes));
    }
    if (inflated > RATIO_THRESHOLD && inflated > MAX_RATIO * Math.max(1, e.compressedSize())) {
      throw new TooLarge("entry '" + e.name() + "' inflates more than " + MAX_RATIO
          + " times its compressed size (" + e.compressedSize() + " bytes)");
    }
  }

  static String mib(long bytes) {
    return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
  }

  private static Entry centralEntry(byte[] data, int at) throws ZipException {
    int flags = uint16(data, at + 8);
    int method = uint16(data, at + 10);
    long crc = uint32(data, at + 16);
    long compressed = uint32(data, at + 20);
    long size = uint32(data, at + 24);
    int nameLength = uint16(data, at + 28);
    int extraLength = uint16(data, at + 30);
    long local = uint32(data, at + 42);
    if (at + 46L + nameLength + extraLength > data.length) {
      throw new ZipException("central directory is cut off");
    }
    // Bit 11 marks UTF-8 names; office files use ASCII part names either way.
    String name = new String(data, at + 46, nameLength,
        (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    int extra = at + 46 + nameLength;
    for (int x = extra; x + 4 <= extra + extraLength; ) {
      int id = uint16(data, x);
      int length = uint16(data, x + 2);
      if (id == 0x0001) {
        int field = x + 4;
        if (size == 0xFFFFFFFFL) {
          size = int64(data, field);
          field += 8;
        }
        if (compressed == 0xFFFFFFFFL) {
          compressed = int64(data, field);
          field += 8;
        }
        if (local == 0xFFFFFFFFL) {
          local = int64(data, field);
        }
      }
      x += 4 + length;
    }
    if (size < 0 || compressed < 0 || local < 0) {
      throw new ZipException("entry '" + name + "' has impossible sizes");
    }
    return new Entry(name, flags, method, crc, compressed, size, local);
  }

  private static int findEndOfDirectory(byte[] data) {
    int lowest = Math.max(0, data.length - 22 - 0xFFFF);
    for (int at = data.length - 22; at >= lowest; at--) {
      if (int32(data, at) == END_OF_DIRECTORY && at + 22 + uint16(data, at + 20) <= data.length) {
        return at;
      }
    }
    return -1;
  }

  private static int uint16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static int int32(byte[] b, int at) {
    return uint16(b, at) | uint16(b, at + 2) << 16;
  }

  private static long uint32(byte[] b, int at) {
    return int32(b, at) & 0xFFFFFFFFL;
  }

  private static long int64(byte[] b, int at) {
    if (at < 0 || at + 8 > b.length) {
      return -1;
    }
    return uint32(b, at) | uint32(b, at + 4) << 32;
  }
}
