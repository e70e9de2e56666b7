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
 * @param creditRule the rubric's rule for answers with few figures, stated on the sheet
 */
public record GenerationRequest(
    Template template, String templateText, Roster roster, long seed, String rubric,
    Map<String, Double> params, CreditRule creditRule) {

  /** A request under the default rubric's rule for few figures. */
  public GenerationRequest(Template template, String templateText, Roster roster, long seed,
      String rubric, Map<String, Double> params) {
    this(template, templateText, roster, seed, rubric, params, CreditRule.DEFAULT);
  }

  public GenerationRequest {
    if (template == null || templateText == null || roster == null) {
      throw new IllegalArgumentException("generation needs a template, its text and a roster");
    }
    rubric = rubric == null || rubric.isBlank() ? template.id() : rubric;
    creditRule = creditRule == null ? CreditRule.DEFAULT : creditRule;
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
  }
}
