package org.nngrader.bank.sheet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an {@link AnswerKey} as csv ({@code step,question,value}) and as JSON:
 *
 * <pre>
 * { "template": "...", "student_id": "...", "variant": "v...", "significant_figures": 4,
 *   "steps": { "net_h1": 0.3775, ... } }
 * </pre>
 *
 * Values are full double precision ({@link Double#toString}, Jackson's default), so they read
 * back as exactly the solver's doubles. The answer of an expression step (symbolic exercises)
 * is its reference expression as text, the chain-rule product ({@code "dL/dy_hat * g'(z_out) *
 * 0.7 * f'(-4.2) * 10"}), in the csv's value column and in {@code steps}; the JSON adds {@code
 * "simplified": { step: "7 * dL/dy_hat * g'(z_out) * f'(-4.2)", ... }} for those steps.
 */
public final class AnswerKeyWriter {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter JSON = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private AnswerKeyWriter() {}

  public static String csv(AnswerKey key) {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, AnswerSheetCsv.FORMAT)) {
      p.printRecord("step", "question", "value");
      for (AnswerKey.Entry e : key.entries()) {
        p.printRecord(SpreadsheetText.cell(e.step()), SpreadsheetText.cell(e.question()),
            SpreadsheetText.cell(e.isExpression() ? e.expression() : Double.toString(e.value())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  public static String json(AnswerKey key) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("template", key.templateId());
    root.put("student_id", key.studentId());
    root.put("variant", key.variant());
    root.put("significant_figures", key.significantFigures());
    ObjectNode steps = root.putObject("steps");
    for (AnswerKey.Entry e : key.entries()) {
      if (e.isExpression()) {
        steps.put(e.step(), e.expression());
      } else {
        steps.put(e.step(), e.value());
      }
    }
    if (key.entries().stream().anyMatch(AnswerKey.Entry::isExpression)) {
      ObjectNode simplified = root.putObject("simplified");
      for (AnswerKey.Entry e : key.entries()) {
        if (e.isExpression()) {
          simplified.put(e.step(), e.simplified());
        }
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
