package org.nngrader.bank.sheet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.template.Template;

/** The exact value of every asked step of one student's variant. Immutable. */
public record AnswerKey(
    String templateId, String studentId, String variant, int significantFigures,
    List<Entry> entries) {

  /** One asked step, its question and its exact (double) value. */
  public record Entry(String step, String question, double value) {}

  public AnswerKey {
    entries = List.copyOf(entries);
  }

  /** The key of a template for one student's solved values. */
  public static AnswerKey of(Template template, String studentId, String variant, Values values) {
    AnswerSheet sheet = AnswerSheet.of(template, studentId, variant);
    List<Entry> entries = new ArrayList<>();
    for (AnswerSheet.Step s : sheet.steps()) {
      entries.add(new Entry(s.id(), s.question(), values.get(s.id())));
    }
    return new AnswerKey(template.id(), studentId, variant, template.significantFigures(),
        entries);
  }

  /** Step id to value, in sheet order. */
  public Map<String, Double> values() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Entry e : entries) {
      m.put(e.step(), e.value());
    }
    return Collections.unmodifiableMap(m);
  }
}
