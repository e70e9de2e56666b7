package org.nngrader.grader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The report buffer encodes as the JDK's UTF-8 encoder does when it reports malformed input (as
 * {@code Files.newBufferedWriter} does): the same bytes, or an error for an unpaired surrogate.
 */
class ReportBufferProperties {

  @Property(tries = 3000)
  void theBufferEncodesAsTheJdk(@ForAll("texts") List<String> writes) throws Exception {
    StudentReport.TextBuffer buffer = new StudentReport.TextBuffer(8);
    writes.forEach(buffer::write);
    String text = String.join("", writes);
    byte[] expected;
    try {
      ByteBuffer b = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
      expected = Arrays.copyOf(b.array(), b.limit());
    } catch (CharacterCodingException e) {
      assertThatThrownBy(buffer::utf8).isInstanceOf(CharacterCodingException.class);
      return;
    }
    assertThat(buffer.utf8()).isEqualTo(expected);
  }

  /** Mostly ASCII with two- and three-byte chars, pairs and lone halves of surrogates. */
  @Provide
  Arbitrary<List<String>> texts() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMaxLength(30),
        Arbitraries.of("\u00e9", "\u00d7", "\u07ff", "\u0800", "\u2717", "\u21aa", "\ufffd",
            "\uffff", "\ud835\udc64", "\udbff\udfff", "\ud800", "\udc00", "\u007f", "\u0080"),
        Arbitraries.strings().all().ofMaxLength(8));
    return pieces.list().ofMaxSize(12);
  }
}
