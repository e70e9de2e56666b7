package org.nngrader.grader.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a text file into text the way spreadsheet programs save it: UTF-8 with or
 * without a byte-order mark, UTF-16 with a mark (Excel's "Unicode text"), and Windows-1252 for
 * files that are not valid UTF-8 (Excel's plain "CSV" on Windows).
 */
final class TextDecoding {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextDecoding() {}

  static boolean hasUtf16Mark(byte[] b) {
    return b.length >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE)
        || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF));
  }

  static String decode(byte[] b) {
    if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
      return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
    }
    if (hasUtf16Mark(b)) {
      Charset charset = b[0] == (byte) 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
      return new String(b, 2, b.length - 2, charset);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(b, WINDOWS_1252);
    }
  }
}
