package org.nngrader.grader.read;

/** The file format an {@link AnswerSheet} was read from, as detected from its content. */
public enum SheetFormat {
  /** Office Open XML workbook (Excel 2007 and later, LibreOffice, Google Sheets export). */
  XLSX,
  /** Comma-, semicolon- or tab-separated text. */
  CSV
}
