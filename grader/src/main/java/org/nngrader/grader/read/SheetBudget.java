package org.nngrader.grader.read;

/**
 * What one answer sheet may hold, whatever its format: cells, characters per cell and characters
 * in all. The answer template has a few dozen short cells, so the limits are far beyond any real
 * sheet, yet they keep a hostile file (a 19-million-character answer, a million filled rows) to a
 * few megabytes, so that a batch survives it in a small heap on every thread. A sheet beyond a
 * limit is refused with the place and the limit; nothing of it is graded. One per sheet read; not
 * thread-safe.
 */
final class SheetBudget {

  /** Most characters in one cell: an answer is a number or a formula of a line or two. */
  static final int MAX_CELL_CHARS = 10_000;
  /** Most characters in all cells of the sheet together. */
  static final long MAX_SHEET_CHARS = 1_000_000;
  /**
   * Most characters in a workbook's shared strings, which all sheets share; read before the
   * answer sheet, so they get a limit of their own.
   */
  static final long MAX_SHARED_CHARS = 4 * MAX_SHEET_CHARS;
  /** Most non-blank cells of the sheet. */
  static final int MAX_CELLS = 100_000;

  /** A limit was broken; the message says where and which. */
  static final class Exceeded extends RuntimeException {
    Exceeded(String message) {
      super(message, null, false, false);
    }
  }

  private long chars;
  private int cells;

  /** Counts one cell. */
  void charge(int row, int column, String text) {
    if (text.length() > MAX_CELL_CHARS) {
      throw new Exceeded("refused: the cell in row " + row + ", column "
          + SheetLayout.column(column) + " holds " + text.length() + " characters, more than "
          + MAX_CELL_CHARS + " (an answer is a number or a short formula); delete the long text"
          + " and hand the sheet in again");
    }
    chars += text.length();
    if (chars > MAX_SHEET_CHARS) {
      throw new Exceeded("refused: the sheet holds more than " + MAX_SHEET_CHARS
          + " characters (by row " + row + "); an answer sheet holds a few thousand — hand in"
          + " the answer template as it was given out");
    }
    if (++cells > MAX_CELLS) {
      throw new Exceeded("refused: the sheet has more than " + MAX_CELLS + " filled cells (by"
          + " row " + row + "); an answer sheet has a few dozen — hand in the answer template as"
          + " it was given out");
    }
  }

  /**
   * Checks a whole text file before it is decoded and parsed: more bytes than twice the
   * character limit cannot be a sheet within it (UTF-16 takes two bytes a character).
   */
  static void checkTextBytes(long bytes) {
    if (bytes > 2 * MAX_SHEET_CHARS) {
      throw new Exceeded("refused: the file is " + bytes + " bytes, more than an answer sheet"
          + " of at most " + MAX_SHEET_CHARS + " characters can be; an answer sheet is a few"
          + " kilobytes — hand in the answer template as it was given out");
    }
  }
}
