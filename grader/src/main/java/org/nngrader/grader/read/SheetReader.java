package org.nngrader.grader.read;

/**
 * Reads one answer sheet from the bytes of a file. One implementation per format; {@link
 * SheetReaders#detect(String, byte[])} picks the one the content calls for. Implementations are
 * stateless and thread-safe.
 */
public interface SheetReader {

  /** The format this reader reads. */
  SheetFormat format();

  /**
   * Reads a sheet.
   *
   * @param sourceName the file name to use in messages and in {@link AnswerSheet#sourceName()}
   * @param content the whole file
   * @return the sheet; odd rows are reported in {@link AnswerSheet#problems()}, not thrown
   * @throws SheetReadException when the file cannot be read as an answer sheet at all; the message
   *     names the file and says what to do
   */
  AnswerSheet read(String sourceName, byte[] content) throws SheetReadException;
}
