package org.nngrader.grader.read;

/**
 * Limits on reading a submissions zip, enforced on the bytes actually inflated, never on what the
 * zip's headers claim. {@link #DEFAULTS} fit a 20,000-student MOOC download with room to spare.
 * Immutable.
 *
 * @param maxEntries most entries the zip may list (directories included)
 * @param maxEntryBytes most bytes one entry may inflate to; also the largest file read from a
 *     folder
 * @param maxTotalBytes most bytes all entries together may inflate to
 * @param maxRatio most times an entry may inflate beyond its compressed size...
 * @param ratioThresholdBytes ...once it has inflated more than this many bytes
 */
public record ZipLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxRatio,
    long ratioThresholdBytes) {

  /** 50,000 entries, 20 MiB per entry, 2 GiB in total, 100:1 beyond 1 MiB. */
  public static final ZipLimits DEFAULTS =
      new ZipLimits(50_000, 20L << 20, 2L << 30, 100, 1L << 20);

  /** Largest array the JVM can hold, as entries are read into memory. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

  public ZipLimits {
    requirePositive("maxEntries", maxEntries);
    requirePositive("maxEntryBytes", maxEntryBytes);
    requirePositive("maxTotalBytes", maxTotalBytes);
    requirePositive("maxRatio", maxRatio);
    requirePositive("ratioThresholdBytes", ratioThresholdBytes);
    if (maxEntryBytes > MAX_ARRAY) {
      throw new IllegalArgumentException("ZipLimits.maxEntryBytes is " + maxEntryBytes
          + "; entries are read into memory, so it must be at most " + MAX_ARRAY);
    }
  }

  private static void requirePositive(String field, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          "ZipLimits." + field + " is " + value + "; it must be positive");
    }
  }
}
