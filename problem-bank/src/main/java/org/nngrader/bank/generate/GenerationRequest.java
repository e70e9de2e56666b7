package org.nngrader.bank.generate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nngrader.bank.roster.Roster;
import org.nngrader.bank.template.Template;

/**
 * Everything {@code nngrader generate} needs. Immutable.
 *
 * @param templateText the template's YAML, copied into the set so it can be graded with
 *     exactly this template
 * @param rubric the rubric name or path to record in the manifest; null or blank means the
 *     template's built-in rubric (named like the template)
 * @param params values fixed for every student
 */
public record GenerationRequest(
    Template template, String templateText, Roster roster, long seed, String rubric,
    Map<String, Double> params) {

  public GenerationRequest {
    if (template == null || templateText == null || roster == null) {
      throw new IllegalArgumentException("generation needs a template, its text and a roster");
    }
    rubric = rubric == null || rubric.isBlank() ? template.id() : rubric;
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
  }
}
