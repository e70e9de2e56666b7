package org.nngrader.rubric;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads and validates rubric files (YAML; schema in rubrics/README.md), and the built-in
 * rubrics: {@code default} and one per exercise template, named after the template.
 *
 * <p>Every problem in a file is reported at once, as a {@link RubricException} whose
 * {@link RubricDiagnostic}s name the file, the line and column, the field path and the valid
 * choices. Stateless and thread-safe.
 */
public final class RubricLoader {
  private static final String BUILTIN_DIR = "builtin/";
  private static final String BUILTIN_INDEX = BUILTIN_DIR + "index.txt";

  private RubricLoader() {}

  /**
   * Loads the rubric file at {@code file}; its name defaults to the file name without
   * {@code .yaml}.
   *
   * @throws RubricException if the file cannot be read or is not a valid rubric
   */
  public static Rubric load(Path file) {
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw single(source, "no such file; check the path, or name a built-in rubric ("
          + Text.list(builtinNames()) + ")");
    } catch (CharacterCodingException e) {
      throw single(source, "is not UTF-8 text; save it as UTF-8");
    } catch (IOException e) {
      throw single(source, "cannot be read (" + e.getMessage() + ")");
    }
    return parse(text, source);
  }

  /**
   * Parses rubric YAML. {@code source} names the text in diagnostics (a file name, usually)
   * and gives the default rubric name.
   *
   * @throws RubricException if the text is not a valid rubric
   */
  public static Rubric parse(String yaml, String source) {
    Problems problems = new Problems(source);
    YamlNode root = YamlTree.read(yaml, problems);
    Rubric rubric = root == null ? null : new RubricReader(problems).read(root, baseName(source));
    problems.throwIfAny();
    if (rubric == null) {
      // Every path that yields no rubric reports why; reaching here is a reader bug.
      throw new IllegalStateException("rubric " + source + " was rejected without a reason");
    }
    return rubric;
  }

  /**
   * Loads a built-in rubric.
   *
   * @throws RubricException if there is no built-in rubric of that name
   */
  public static Rubric loadBuiltin(String name) {
    List<String> names = builtinNames();
    if (!names.contains(name)) {
      String close = Suggestions.closest(String.valueOf(name), names);
      throw single(
          "built-in rubrics",
          "there is no built-in rubric '" + name + "'; built-in rubrics: " + Text.list(names)
              + (close == null ? "" : " (did you mean " + close + "?)"));
    }
    return parse(resource(BUILTIN_DIR + name + ".yaml"), BUILTIN_DIR + name + ".yaml");
  }

  /** The built-in rubric names: {@code default} first, then one per template. */
  public static List<String> builtinNames() {
    return resource(BUILTIN_INDEX).lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  /**
   * A built-in rubric if {@code nameOrPath} is a built-in name, else the rubric file at that
   * path: what {@code --rubric} accepts.
   *
   * @throws RubricException if neither exists or the file is not a valid rubric
   */
  public static Rubric resolve(String nameOrPath) {
    return builtinNames().contains(nameOrPath)
        ? loadBuiltin(nameOrPath)
        : load(Path.of(nameOrPath));
  }

  private static String baseName(String source) {
    String name = source.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    for (String extension : List.of(".yaml", ".yml")) {
      if (name.endsWith(extension) && name.length() > extension.length()) {
        return name.substring(0, name.length() - extension.length());
      }
    }
    return name.isBlank() ? "rubric" : name;
  }

  private static String resource(String relative) {
    try (InputStream in = RubricLoader.class.getResourceAsStream(relative)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + relative + " in the rubrics jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RubricException single(String source, String message) {
    return new RubricException(List.of(new RubricDiagnostic(source, 0, 0, "", message)));
  }
}
