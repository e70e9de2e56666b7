package org.nngrader.grader.read;

import com.fasterxml.aalto.UncheckedStreamException;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.BuiltinFormats;

/**
 * The workbook-level parts of an xlsx file, read with StAX: the sheets in tab order (name, part,
 * hidden or not), the shared strings and the number format of each cell style. Immutable once
 * read.
 */
final class XlsxParts {

  /** Largest part inflated; a 40-row answer sheet is a few kilobytes. */
  static final long MAX_PART_BYTES = 32L << 20;

  private static final ThreadLocal<XMLInputFactory> XML = ThreadLocal.withInitial(() -> {
    // Aalto (FasterXML's StAX parser) reads an answer sheet in about two thirds of the time of
    // the JDK's built-in one, through the same interface.
    XMLInputFactory f = new InputFactoryImpl();
    // Sheets come from students: no DTDs, no external entities (XXE, billion laughs); a
    // reference to an entity the document declares is then an error.
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  });

  /** A sheet of the workbook in tab order. */
  record Sheet(String name, String part, boolean hidden) {}

  private final List<Sheet> sheets;
  private final List<String> sharedStrings;
  private final int[] styleFormats;
  private final Map<Integer, String> customFormats;
  private final boolean recalculateOnLoad;

  private XlsxParts(List<Sheet> sheets, List<String> sharedStrings, int[] styleFormats,
      Map<Integer, String> customFormats, boolean recalculateOnLoad) {
    this.recalculateOnLoad = recalculateOnLoad;
    this.sheets = sheets;
    this.sharedStrings = sharedStrings;
    this.styleFormats = styleFormats;
    this.customFormats = customFormats;
  }

  /** A part that is missing or malformed; the message says which. */
  static final class BadPart extends Exception {
    BadPart(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static XlsxParts read(ZipBytes zip) throws BadPart, ZipException {
    String workbook = officeDocument(zip);
    byte[] workbookXml = zip.read(workbook, MAX_PART_BYTES);
    if (workbookXml == null) {
      throw new BadPart("it has no workbook part ('" + workbook + "')", null);
    }
    String relsPart = relsPath(workbook);
    byte[] relsXml = zip.read(relsPart, MAX_PART_BYTES);
    Map<String, String[]> rels = relationships(relsPart, relsXml);
    String base = workbook.substring(0, workbook.lastIndexOf('/') + 1);
    Object[] book = SEEN.get().remember(List.of("workbook", workbook, base,
        java.nio.ByteBuffer.wrap(workbookXml), relsXml == null ? "" : java.nio.ByteBuffer.wrap(relsXml)),
        () -> {
          boolean[] recalculate = new boolean[1];
          List<Sheet> sheets = List.copyOf(sheets(workbook, workbookXml, rels, base, recalculate));
          return new Object[] {sheets, recalculate[0]};
        });
    @SuppressWarnings("unchecked")
    List<Sheet> sheets = (List<Sheet>) book[0];
    List<String> strings = List.of();
    int[] styleFormats = new int[0];
    Map<Integer, String> custom = Map.of();
    for (String[] rel : rels.values()) {
      String target = resolve(base, rel[1]);
      if (rel[0].endsWith("/sharedStrings")) {
        byte[] xml = zip.read(target, MAX_PART_BYTES);
        strings = xml == null ? strings : sharedStrings(target, xml);
      } else if (rel[0].endsWith("/styles")) {
        byte[] xml = zip.read(target, MAX_PART_BYTES);
        if (xml != null) {
          Object[] style = SEEN.get().remember(List.of("styles", target,
              java.nio.ByteBuffer.wrap(xml)), () -> {
                Map<Integer, String> found = new HashMap<>();
                int[] formats = styles(target, xml, found);
                return new Object[] {formats, java.util.Collections.unmodifiableMap(found)};
              });
          styleFormats = (int[]) style[0];
          @SuppressWarnings("unchecked")
          Map<Integer, String> found = (Map<Integer, String>) style[1];
          custom = found;
        }
      }
    }
    return new XlsxParts(sheets, strings, styleFormats, custom, (Boolean) book[1]);
  }

  /**
   * What the workbook-level parts of recent files read as, per thread, by their exact bytes:
   * the files of one class share their workbook, relationships and styles byte for byte, and
   * each is parsed once. A part that does not parse is not remembered (it fails every time).
   */
  private static final ThreadLocal<Seen> SEEN = ThreadLocal.withInitial(Seen::new);

  private static final class Seen {
    private static final int SIZE = 32;
    private final Map<List<Object>, Object> parsed = new HashMap<>();

    @FunctionalInterface
    interface Parse<T> {
      T parse() throws BadPart;
    }

    @SuppressWarnings("unchecked")
    <T> T remember(List<Object> key, Parse<T> parse) throws BadPart {
      Object hit = parsed.get(key);
      if (hit != null) {
        return (T) hit;
      }
      T value = parse.parse();
      if (parsed.size() >= SIZE) {
        parsed.clear();
      }
      parsed.put(key, value);
      return value;
    }
  }

  /**
   * Whether the workbook asks to be recalculated when opened ({@code <calcPr
   * fullCalcOnLoad="1"/>}): XlsxWriter writes it, with a cached 0 for every formula, so cached
   * formula values cannot be trusted.
   */
  boolean recalculateOnLoad() {
    return recalculateOnLoad;
  }

  List<Sheet> sheets() {
    return sheets;
  }

  /** The shared string at {@code index}, or {@code null} when there is none. */
  String sharedString(int index) {
    return index >= 0 && index < sharedStrings.size() ? sharedStrings.get(index) : null;
  }

  int formatIndex(int style) {
    return style >= 0 && style < styleFormats.length ? styleFormats[style] : 0;
  }

  String formatString(int formatIndex) {
    String custom = customFormats.get(formatIndex);
    return custom != null ? custom : BuiltinFormats.getBuiltinFormat(formatIndex);
  }

  static XMLStreamReader xml(byte[] content) throws XMLStreamException {
    return XML.get().createXMLStreamReader(new ByteArrayInputStream(content));
  }

  /** The workbook part named by the package relationships; Excel always uses xl/workbook.xml. */
  private static String officeDocument(ZipBytes zip) throws BadPart, ZipException {
    for (String[] rel : relationships(zip, "_rels/.rels").values()) {
      if (rel[0].endsWith("/officeDocument")) {
        return resolve("", rel[1]);
      }
    }
    return "xl/workbook.xml";
  }

  private static String relsPath(String part) {
    int slash = part.lastIndexOf('/');
    return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
  }

  /** Relationship id to {type, target}; empty when the part is absent. */
  private static Map<String, String[]> relationships(ZipBytes zip, String part)
      throws BadPart, ZipException {
    return relationships(part, zip.read(part, MAX_PART_BYTES));
  }

  /** Relationship id to {type, target} of a part's bytes ({@code null}: absent, empty). */
  private static Map<String, String[]> relationships(String part, byte[] content)
      throws BadPart {
    if (content == null) {
      return new HashMap<>();
    }
    return SEEN.get().remember(List.of("rels", part, java.nio.ByteBuffer.wrap(content)),
        () -> java.util.Collections.unmodifiableMap(parseRelationships(part, content)));
  }

  private static Map<String, String[]> parseRelationships(String part, byte[] content)
      throws BadPart {
    Map<String, String[]> rels = new HashMap<>();
    try {
      XMLStreamReader r = xml(content);
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT
            && r.getLocalName().equals("Relationship")
            && !"External".equals(r.getAttributeValue(null, "TargetMode"))) {
          String id = r.getAttributeValue(null, "Id");
          String type = r.getAttributeValue(null, "Type");
          String target = r.getAttributeValue(null, "Target");
          if (id != null && type != null && target != null) {
            rels.put(id, new String[] {type, target});
          }
        }
      }
      r.close();
    } catch (XMLStreamException | UncheckedStreamException e) {
      throw malformed(part, e);
    }
    return rels;
  }

  private static List<Sheet> sheets(String part, byte[] content, Map<String, String[]> rels,
      String base, boolean[] recalculate) throws BadPart {
    List<Sheet> sheets = new ArrayList<>();
    try {
      XMLStreamReader r = xml(content);
      while (r.hasNext()) {
        if (r.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        if (r.getLocalName().equals("calcPr")) {
          String full = r.getAttributeValue(null, "fullCalcOnLoad");
          recalculate[0] = "1".equals(full) || "true".equalsIgnoreCase(full);
        } else if (r.getLocalName().equals("sheet")) {
          String name = r.getAttributeValue(null, "name");
          String state = r.getAttributeValue(null, "state");
          String id = relationshipId(r);
          String[] rel = id == null ? null : rels.get(id);
          if (name != null && rel != null && rel[0].endsWith("/worksheet")) {
            boolean hidden = "hidden".equals(state) || "veryHidden".equals(state);
            sheets.add(new Sheet(name, resolve(base, rel[1]), hidden));
          }
        }
      }
      r.close();
    } catch (XMLStreamException | UncheckedStreamException e) {
      throw malformed(part, e);
    }
    return sheets;
  }

  /** The {@code r:id} attribute, whatever the prefix (transitional and strict namespaces). */
  private static String relationshipId(XMLStreamReader r) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String ns = r.getAttributeNamespace(i);
      if ("id".equals(r.getAttributeLocalName(i)) && ns != null && !ns.isEmpty()) {
        return r.getAttributeValue(i);
      }
    }
    return null;
  }

  static List<String> sharedStrings(String part, byte[] content) throws BadPart {
    List<String> plain = SharedStringsScan.scan(content, SheetBudget.MAX_SHARED_CHARS);
    return plain != null ? plain : parsedSharedStrings(part, content);
  }

  /** The shared strings as the XML parser reads them (any form, and every error). */
  static List<String> parsedSharedStrings(String part, byte[] content) throws BadPart {
    List<String> strings = new ArrayList<>();
    long total = 0;
    try {
      XMLStreamReader r = xml(content);
      StringBuilder text = new StringBuilder();
      int phonetic = 0;
      boolean inText = false;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = r.getLocalName();
          if (name.equals("si")) {
            text.setLength(0);
          } else if (name.equals("rPh")) {
            phonetic++;
          } else if (name.equals("t")) {
            inText = phonetic == 0;
          }
        } else if (event == XMLStreamConstants.CHARACTERS && inText) {
          text.append(r.getText());
          total += r.getTextLength();
          if (total > SheetBudget.MAX_SHARED_CHARS) {
            throw new BadPart("'" + part + "' holds more than " + SheetBudget.MAX_SHARED_CHARS
                + " characters of text, far more than an answer sheet", null);
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String name = r.getLocalName();
          if (name.equals("t")) {
            inText = false;
          } else if (name.equals("rPh")) {
            phonetic--;
          } else if (name.equals("si")) {
            strings.add(decodeEscapes(text.toString()));
          }
        }
      }
      r.close();
    } catch (XMLStreamException | UncheckedStreamException e) {
      throw malformed(part, e);
    }
    return strings;
  }

  /** Fills {@code custom} with the custom number formats; returns each cell style's format id. */
  private static int[] styles(String part, byte[] content, Map<Integer, String> custom)
      throws BadPart {
    List<Integer> formats = new ArrayList<>();
    try {
      XMLStreamReader r = xml(content);
      boolean inCellXfs = false;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = r.getLocalName();
          if (name.equals("numFmt")) {
            Integer id = integer(r.getAttributeValue(null, "numFmtId"));
            String code = r.getAttributeValue(null, "formatCode");
            if (id != null && code != null) {
              custom.put(id, code);
            }
          } else if (name.equals("cellXfs")) {
            inCellXfs = true;
          } else if (name.equals("xf") && inCellXfs) {
            Integer id = integer(r.getAttributeValue(null, "numFmtId"));
            formats.add(id == null ? 0 : id);
          }
        } else if (event == XMLStreamConstants.END_ELEMENT
            && r.getLocalName().equals("cellXfs")) {
          inCellXfs = false;
        }
      }
      r.close();
    } catch (XMLStreamException | UncheckedStreamException e) {
      throw malformed(part, e);
    }
    return formats.stream().mapToInt(Integer::intValue).toArray();
  }

  static Integer integer(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** OOXML writes characters XML cannot hold as {@code _xHHHH_}. */
  static String decodeEscapes(String s) {
    if (s.indexOf("_x") < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      if (i + 7 <= s.length() && s.startsWith("_x", i) && s.charAt(i + 6) == '_'
          && isHex(s, i + 2, i + 6)) {
        b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
        i += 7;
      } else {
        b.append(s.charAt(i++));
      }
    }
    return b.toString();
  }

  private static boolean isHex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** A relationship target as a zip entry name, relative to {@code base} unless absolute. */
  static String resolve(String base, String target) {
    String path = target.startsWith("/") ? target.substring(1) : base + target;
    List<String> parts = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        parts.add(segment);
      }
    }
    return String.join("/", parts);
  }

  /**
   * A part the XML parser refused; {@code e} is its checked exception or the unchecked one it
   * throws from a text accessor ({@code getText}, {@code getElementText}), which reads a token
   * lazily and finds it malformed (a {@code ]]>} or a U+FFFE in the text) only then.
   */
  static BadPart malformed(String part, Exception e) {
    XMLStreamException x = e instanceof XMLStreamException checked ? checked
        : e.getCause() instanceof XMLStreamException cause ? cause : null;
    String where = x == null || x.getLocation() == null ? ""
        : " at line " + x.getLocation().getLineNumber();
    return new BadPart("its part '" + part + "' is not well-formed XML" + where, e);
  }
}
