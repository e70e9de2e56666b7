package org.nngrader.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.nngrader.bank.template.Template;

/** Reads a {@code --params} file: a flat YAML (or JSON) map from parameter id to number. */
final class ParameterFile {

  private ParameterFile() {}

  static Map<String, Double> read(Path file, Template template) {
    JsonNode root;
    if (!Files.exists(file)) {
      throw new UsageException(file + ": no such file; pass --params the path of a YAML file "
          + "with one line per parameter, e.g. 'w5: 0.4'");
    }
    if (!Files.isRegularFile(file)) {
      throw new UsageException(file + ": is a folder, not a parameter file; pass --params the "
          + "path of a YAML file with one line per parameter, e.g. 'w5: 0.4'");
    }
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UsageException(file + ": cannot be read as YAML (" + e.getMessage().lines().findFirst().orElse("")
          + "); write one line per parameter, e.g. 'w5: 0.4'");
    }
    if (root == null || !root.isObject()) {
      throw new UsageException(file + ": must be a map from parameter id to number, e.g. 'w5: 0.4'");
    }
    Map<String, Double> values = new LinkedHashMap<>();
    var valid = template.givenIds();
    var it = root.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (!valid.contains(e.getKey())) {
        throw new UsageException(file + ": unknown parameter '" + e.getKey() + "' for template "
            + template.id() + "; valid parameters: " + String.join(", ", valid));
      }
      if (!e.getValue().isNumber()) {
        throw new UsageException(file + ": parameter '" + e.getKey() + "' is '"
            + e.getValue().asText() + "'; it must be a number");
      }
      values.put(e.getKey(), e.getValue().asDouble());
    }
    assert new TreeSet<>(values.keySet()).size() == values.size();
    return values;
  }
}
