package org.nngrader.grader.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared strings of an xlsx written the way Excel, LibreOffice and POI write them, read
 * with one pass over the bytes instead of an XML parser: a declaration, {@code <sst>} with its
 * usual attributes (in SpreadsheetML's namespace, when one is given), and nothing but {@code
 * <si><t>text</t></si>} items whose text uses the five predefined entities at most. Anything
 * else (rich text runs, phonetic hints, character references, a carriage return, a control
 * character, malformed UTF-8, any other markup) makes {@link #scan} answer {@code null}, and
 * the XML parser reads the part, errors and all: the scan only ever gives the list the parser
 * would give.
 */
final class SharedStringsScan {

  private static final byte[][] DECLARATIONS = {
    ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
    ascii("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"),
  };
  private static final byte[] SST = ascii("<sst");
  private static final byte[] SST_END = ascii("</sst>");
  private static final byte[] ITEM = ascii("<si><t>");
  private static final byte[] ITEM_PRESERVE = ascii("<si><t xml:space=\"preserve\">");
  private static final byte[] ITEM_END = ascii("</t></si>");
  private static final byte[] CRLF = ascii("\r\n");
  private static final byte[][] ATTRIBUTES = {ascii("xmlns"), ascii("count"), ascii("uniqueCount")};
  /** The namespaces SpreadsheetML's root may be in (others, such as XML's own, go to the parser). */
  private static final byte[][] NAMESPACES = {
    ascii("http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
    ascii("http://purl.oclc.org/ooxml/spreadsheetml/main"),
  };

  private static final ThreadLocal<CharsetDecoder> UTF8 = ThreadLocal.withInitial(() ->
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT));

  private SharedStringsScan() {}

  /**
   * The items' texts, entities replaced and {@code _xHHHH_} escapes decoded, or {@code null}
   * when the part is not of the plain form or holds more than {@code maxChars} characters of
   * text (the parser then reads it, and refuses it).
   */
  static List<String> scan(byte[] b, long maxChars) {
    int i = declaration(b);
    if (i < 0 || !at(b, i, SST)) {
      return null;
    }
    i = attributes(b, i + SST.length);
    if (i < 0) {
      return null;
    }
    List<String> strings = new ArrayList<>();
    long total = 0;
    char[] chars = new char[64];
    while (true) {
      int from;
      if (at(b, i, ITEM)) {
        from = i + ITEM.length;
      } else if (at(b, i, ITEM_PRESERVE)) {
        from = i + ITEM_PRESERVE.length;
      } else if (at(b, i, SST_END)) {
        return onlySpaceAfter(b, i + SST_END.length) ? strings : null;
      } else {
        return null;
      }
      int to = from;
      boolean ascii = true;
      boolean entity = false;
      for (; to < b.length; to++) {
        int c = b[to];
        if (c == '<') {
          break;
        } else if (c == '&') {
          entity = true;
        } else if (c < 0) {
          ascii = false;
        } else if (c < 0x20 && c != '\t' && c != '\n' || c == ']' && closesCdata(b, to)) {
          return null;
        }
      }
      if (!at(b, to, ITEM_END)) {
        return null;
      }
      String text;
      if (ascii && !entity) {
        text = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
      } else {
        if (chars.length < to - from) {
          chars = new char[Math.max(to - from, 2 * chars.length)];
        }
        int n = ascii ? latin(b, from, to, chars) : utf8(b, from, to, chars);
        if (n < 0 || entity && (n = entities(chars, n)) < 0) {
          return null;
        }
        text = new String(chars, 0, n);
      }
      total += text.length();
      if (total > maxChars) {
        return null;
      }
      strings.add(XlsxParts.decodeEscapes(text));
      i = to + ITEM_END.length;
    }
  }

  /** Where the root element may start: after one of the usual declarations and a line break. */
  private static int declaration(byte[] b) {
    for (byte[] d : DECLARATIONS) {
      if (at(b, 0, d)) {
        int i = d.length;
        if (at(b, i, CRLF)) {
          return i + 2;
        }
        return i < b.length && b[i] == '\n' ? i + 1 : i;
      }
    }
    return -1;
  }

  /**
   * Past the root's attributes and its {@code >}: each of xmlns, count and uniqueCount at most
   * once, single spaces apart, values in double quotes without markup or entities.
   */
  private static int attributes(byte[] b, int i) {
    boolean[] seen = new boolean[ATTRIBUTES.length];
    while (i < b.length && b[i] == ' ') {
      int nameFrom = i + 1;
      int eq = nameFrom;
      while (eq < b.length && b[eq] != '=') {
        eq++;
      }
      int which = indexOf(b, nameFrom, eq, ATTRIBUTES);
      if (which < 0 || seen[which] || eq + 1 >= b.length || b[eq + 1] != '"') {
        return -1;
      }
      seen[which] = true;
      int end = eq + 2;
      while (end < b.length && b[end] != '"') {
        int c = b[end];
        if (c < 0x21 || c == '<' || c == '&' || c == '\'') {
          return -1;
        }
        end++;
      }
      if (end >= b.length || which == 0 && indexOf(b, eq + 2, end, NAMESPACES) < 0) {
        return -1;
      }
      i = end + 1;
    }
    return i < b.length && b[i] == '>' ? i + 1 : -1;
  }

  /** Which of {@code values} the bytes from {@code from} to {@code to} are, or -1. */
  private static int indexOf(byte[] b, int from, int to, byte[][] values) {
    for (int k = 0; k < values.length; k++) {
      if (to - from == values[k].length && at(b, from, values[k])) {
        return k;
      }
    }
    return -1;
  }

  private static boolean onlySpaceAfter(byte[] b, int i) {
    for (; i < b.length; i++) {
      if (b[i] != ' ' && b[i] != '\n' && b[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** {@code ]]>}, which text may not hold. */
  private static boolean closesCdata(byte[] b, int i) {
    return i + 2 < b.length && b[i + 1] == ']' && b[i + 2] == '>';
  }

  private static int latin(byte[] b, int from, int to, char[] out) {
    for (int k = from; k < to; k++) {
      out[k - from] = (char) b[k];
    }
    return to - from;
  }

  /**
   * Strict UTF-8 into {@code out} (no encoded surrogates, no overlong forms); -1 for malformed
   * input or U+FFFE and U+FFFF, which XML does not allow.
   */
  private static int utf8(byte[] b, int from, int to, char[] out) {
    CharBuffer chars = CharBuffer.wrap(out);
    CharsetDecoder d = UTF8.get().reset();
    if (d.decode(ByteBuffer.wrap(b, from, to - from), chars, true).isError()
        || d.flush(chars).isError()) {
      return -1;
    }
    int n = chars.position();
    for (int k = 0; k < n; k++) {
      if (out[k] == '\uFFFE' || out[k] == '\uFFFF') {
        return -1;
      }
    }
    return n;
  }

  /** Replaces the five predefined entities in place; -1 for any other use of {@code &}. */
  private static int entities(char[] c, int n) {
    int w = 0;
    for (int r = 0; r < n; r++) {
      if (c[r] != '&') {
        c[w++] = c[r];
        continue;
      }
      int semi = r + 1;
      while (semi < n && semi - r <= 5 && c[semi] != ';') {
        semi++;
      }
      if (semi >= n || c[semi] != ';') {
        return -1;
      }
      char replaced = switch (new String(c, r + 1, semi - r - 1)) {
        case "amp" -> '&';
        case "lt" -> '<';
        case "gt" -> '>';
        case "quot" -> '"';
        case "apos" -> '\'';
        default -> 0;
      };
      if (replaced == 0) {
        return -1;
      }
      c[w++] = replaced;
      r = semi;
    }
    return w;
  }

  private static boolean at(byte[] b, int i, byte[] what) {
    if (i < 0 || i + what.length > b.length) {
      return false;
    }
    for (int k = 0; k < what.length; k++) {
      if (b[i + k] != what[k]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
