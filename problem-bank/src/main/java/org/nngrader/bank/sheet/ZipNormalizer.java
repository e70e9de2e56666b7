package org.nngrader.bank.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a zip (an xlsx) so that the same content gives the same bytes: entries in a fixed
 * order ({@code [Content_Types].xml} first, then by name) and all with the same local time,
 * which is written without a time zone.
 */
final class ZipNormalizer {

  /** The entry time of every normalized zip (and the created date of the workbooks). */
  static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

  private static final String CONTENT_TYPES = "[Content_Types].xml";

  private ZipNormalizer() {}

  static byte[] normalize(byte[] zip) {
    Map<String, byte[]> entries = new TreeMap<>((a, b) -> {
      if (a.equals(b)) {
        return 0;
      }
      if (a.equals(CONTENT_TYPES)) {
        return -1;
      }
      return b.equals(CONTENT_TYPES) ? 1 : a.compareTo(b);
    });
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        entries.put(e.getName(), in.readAllBytes());
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length);
      try (ZipOutputStream out = new ZipOutputStream(bytes)) {
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
          ZipEntry z = new ZipEntry(entry.getKey());
          z.setTimeLocal(FIXED_TIME);
          out.putNextEntry(z);
          out.write(entry.getValue());
          out.closeEntry();
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite an in-memory zip", e);
    }
  }
}
