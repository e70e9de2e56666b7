package org.nngrader.grader.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an entry's stream counting the bytes it actually yields, and stops at the first byte
 * beyond a {@link ZipLimits} limit, so a zip bomb costs at most the limit in time and memory.
 */
final class LimitedRead {

  private static final int CHUNK = 64 * 1024;
  static final String ENTRY_LIMIT = "(limit ZipLimits.maxEntryBytes)";

  private final String zipName;
  private final ZipLimits limits;

  LimitedRead(String zipName, ZipLimits limits) {
    this.zipName = zipName;
    this.limits = limits;
  }

  /**
   * Reads the whole stream into memory.
   *
   * @param compressedSize the entry's compressed size, or -1 for a plain file (no ratio check)
   */
  byte[] read(InputStream in, String entryName, long compressedSize) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pump(in, entryName, compressedSize, Long.MAX_VALUE, out);
    return out.toByteArray();
  }

  /**
   * Counts the bytes of the stream without keeping them.
   *
   * @param budget most bytes this entry may add to the zip's total
   */
  long count(InputStream in, String entryName, long compressedSize, long budget)
      throws IOException {
    return pump(in, entryName, compressedSize, budget, null);
  }

  private long pump(InputStream in, String entryName, long compressedSize, long budget,
      ByteArrayOutputStream out) throws IOException {
    byte[] chunk = new byte[CHUNK];
    long total = 0;
    for (int n; (n = in.read(chunk)) > 0; ) {
      total += n;
      check(entryName, total, compressedSize, budget);
      if (out != null) {
        out.write(chunk, 0, n);
      }
    }
    return total;
  }

  private void check(String entryName, long total, long compressedSize, long budget)
      throws ZipSafetyException {
    if (total > limits.maxEntryBytes()) {
      throw new ZipSafetyException(zipName, entryName, "inflates to more than "
          + ZipBytes.mib(limits.maxEntryBytes()) + " " + ENTRY_LIMIT);
    }
    if (total > budget) {
      throw new ZipSafetyException(zipName, entryName, "brings the zip's total inflated size"
          + " beyond " + ZipBytes.mib(limits.maxTotalBytes()) + " (limit ZipLimits.maxTotalBytes)");
    }
    if (compressedSize >= 0 && total > limits.ratioThresholdBytes()
        && total > limits.maxRatio() * Math.max(1, compressedSize)) {
      throw new ZipSafetyException(zipName, entryName, "inflates more than " + limits.maxRatio()
          + " times its compressed size of " + compressedSize + " bytes (limit"
          + " ZipLimits.maxRatio, a zip bomb?)");
    }
  }
}
