package org.nngrader.grader.read;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.poi.ss.formula.EvaluationName;
import org.apache.poi.ss.formula.FormulaParser;
import org.apache.poi.ss.formula.FormulaType;
import org.apache.poi.ss.formula.ptg.AreaPtgBase;
import org.apache.poi.ss.formula.ptg.NamePtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.ptg.Pxg3D;
import org.apache.poi.ss.formula.ptg.RefPtgBase;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Calculates formula cells with POI within a budget. POI's evaluator recurses once per formula
 * in a chain of dependent formulas, so a hostile sheet with a chain of thousands overflows the
 * stack. Here the formulas a cell depends on are found first (cell and area references, on any
 * sheet, and defined names), without recursion; a cell whose chain is deeper than {@link
 * #MAX_DEPTH}, or a workbook with more than {@link #MAX_FORMULAS} formulas, is refused with the
 * reason; otherwise the chain is calculated from its far end, so every POI evaluation finds its
 * inputs already calculated and recurses one level only. One instance per workbook; not
 * thread-safe.
 */
final class FormulaCalculator {

  /** Formulas in a chain, each using the next; an answer sheet has chains of a few. */
  static final int MAX_DEPTH = 100;
  /** Formulas in a workbook; an answer template has a few dozen cells. */
  static final int MAX_FORMULAS = 10_000;
  /** Levels of defined names referring to names. */
  private static final int MAX_NAME_DEPTH = 10;

  /** Thrown for a formula that is not calculated; the message is the reason, as a clause. */
  static final class Uncalculable extends Exception {
    Uncalculable(String reason) {
      super(reason, null, false, false);
    }
  }

  private final XSSFWorkbook workbook;
  private final FormulaEvaluator evaluator;
  private final XSSFEvaluationWorkbook parsing;
  /** Formula cells by sheet, row and column. */
  private final List<NavigableMap<Integer, NavigableMap<Integer, Cell>>> formulas =
      new ArrayList<>();
  private final int formulaCount;
  /** Longest chain below each formula cell already examined. */
  private final Map<Cell, Integer> depths = new HashMap<>();
  private final Set<Cell> calculated = new HashSet<>();
  /** The formula cells each formula cell refers to, parsed once. */
  private final Map<Cell, List<Cell>> references = new HashMap<>();
  /** Cells found to start a chain that is too deep. */
  private final Set<Cell> tooDeep = new HashSet<>();

  FormulaCalculator(XSSFWorkbook workbook) {
    this.workbook = workbook;
    this.evaluator = workbook.getCreationHelper().createFormulaEvaluator();
    this.parsing = XSSFEvaluationWorkbook.create(workbook);
    int count = 0;
    for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
      NavigableMap<Integer, NavigableMap<Integer, Cell>> rows = new TreeMap<>();
      for (Row row : workbook.getSheetAt(s)) {
        for (Cell cell : row) {
          if (cell.getCellType() == CellType.FORMULA) {
            rows.computeIfAbsent(row.getRowNum(), r -> new TreeMap<>())
                .put(cell.getColumnIndex(), cell);
            count++;
          }
        }
      }
      formulas.add(rows);
    }
    formulaCount = count;
  }

  /**
   * The value of a formula cell, calculated afresh.
   *
   * @throws Uncalculable when the formula is too deeply nested, the workbook has too many
   *     formulas, or POI cannot calculate it (a function it does not know, a reference to
   *     another workbook); the message says which
   */
  CellValue evaluate(Cell cell) throws Uncalculable {
    if (formulaCount > MAX_FORMULAS) {
      throw new Uncalculable("the workbook has " + formulaCount + " formulas, more than the "
          + MAX_FORMULAS + " an answer sheet is calculated with");
    }
    if (tooDeep.contains(cell)) {
      throw tooDeep();
    }
    List<Cell> order;
    try {
      order = chain(cell);
    } catch (Uncalculable e) {
      tooDeep.add(cell);
      throw e;
    }
    try {
      for (Cell c : order) {
        if (calculated.add(c)) {
          CellValue v = evaluator.evaluate(c);
          if (c == cell) {
            return v;
          }
        }
      }
      return evaluator.evaluate(cell);
    } catch (StackOverflowError e) {
      // Only a chain the references above do not show (INDIRECT, OFFSET) gets here.
      throw tooDeep();
    } catch (RuntimeException e) {
      throw new Uncalculable(rootMessage(e));
    }
  }

  /**
   * The formula cells {@code start} depends on, the far end first and {@code start} last, found
   * by an explicit-stack depth-first search.
   */
  private List<Cell> chain(Cell start) throws Uncalculable {
    List<Cell> order = new ArrayList<>();
    Set<Cell> onPath = new HashSet<>();
    Set<Cell> done = new HashSet<>();
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(start, dependencies(start)));
    onPath.add(start);
    while (!stack.isEmpty()) {
      Frame top = stack.peek();
      if (top.next < top.dependencies.size()) {
        Cell dep = top.dependencies.get(top.next++);
        if (onPath.contains(dep) || done.contains(dep)) {
          continue; // a circular reference (POI reports it) or already ordered
        }
        if (tooDeep.contains(dep)) {
          throw tooDeep();
        }
        Integer known = depths.get(dep);
        if (known != null) {
          top.depth = Math.max(top.depth, known + 1);
          checkDepth(top.depth);
          done.add(dep);
          order.add(dep);
          continue;
        }
        if (stack.size() >= MAX_DEPTH) {
          throw tooDeep();
        }
        onPath.add(dep);
        stack.push(new Frame(dep, dependencies(dep)));
      } else {
        stack.pop();
        onPath.remove(top.cell);
        done.add(top.cell);
        depths.put(top.cell, top.depth);
        order.add(top.cell);
        Frame parent = stack.peek();
        if (parent != null) {
          parent.depth = Math.max(parent.depth, top.depth + 1);
          checkDepth(parent.depth);
        }
      }
    }
    return order;
  }

  private static void checkDepth(int depth) throws Uncalculable {
    if (depth >= MAX_DEPTH) {
      throw tooDeep();
    }
  }

  private static Uncalculable tooDeep() {
    return new Uncalculable("the formula is too deeply nested (it starts a chain of more than "
        + MAX_DEPTH + " formulas, each using the next)");
  }

  /** One formula cell on the search path, with the formula cells it refers to. */
  private static final class Frame {
    final Cell cell;
    final List<Cell> dependencies;
    int next;
    int depth;

    Frame(Cell cell, List<Cell> dependencies) {
      this.cell = cell;
      this.dependencies = dependencies;
    }
  }

  /** The formula cells a formula cell refers to directly; none when its formula does not parse. */
  private List<Cell> dependencies(Cell cell) {
    return references.computeIfAbsent(cell, this::parseDependencies);
  }

  private List<Cell> parseDependencies(Cell cell) {
    List<Cell> out = new ArrayList<>();
    int sheet = workbook.getSheetIndex(cell.getSheet());
    Ptg[] ptgs;
    try {
      ptgs = FormulaParser.parse(cell.getCellFormula(), parsing, FormulaType.CELL, sheet,
          cell.getRowIndex());
    } catch (RuntimeException e) {
      return out; // the evaluator reports the problem
    }
    collect(ptgs, sheet, out, 0);
    return out;
  }

  private void collect(Ptg[] ptgs, int sheet, List<Cell> out, int nameDepth) {
    for (Ptg ptg : ptgs) {
      int target = sheet;
      if (ptg instanceof Pxg3D p) {
        target = p.getSheetName() == null ? sheet : workbook.getSheetIndex(p.getSheetName());
        if (target < 0) {
          continue;
        }
      }
      if (ptg instanceof RefPtgBase ref) {
        add(target, ref.getRow(), ref.getRow(), ref.getColumn(), ref.getColumn(), out);
      } else if (ptg instanceof AreaPtgBase area) {
        add(target, area.getFirstRow(), area.getLastRow(), area.getFirstColumn(),
            area.getLastColumn(), out);
      } else if (ptg instanceof NamePtg name && nameDepth < MAX_NAME_DEPTH) {
        try {
          EvaluationName defined = parsing.getName(name);
          if (defined != null && defined.hasFormula()) {
            collect(defined.getNameDefinition(), sheet, out, nameDepth + 1);
          }
        } catch (RuntimeException e) {
          // a name POI cannot read: the evaluator reports it
        }
      }
    }
  }

  private void add(int sheet, int firstRow, int lastRow, int firstColumn, int lastColumn,
      List<Cell> out) {
    if (sheet >= formulas.size()) {
      return;
    }
    for (NavigableMap<Integer, Cell> row : formulas.get(sheet)
        .subMap(Math.min(firstRow, lastRow), true, Math.max(firstRow, lastRow), true).values()) {
      out.addAll(row.subMap(Math.min(firstColumn, lastColumn), true,
          Math.max(firstColumn, lastColumn), true).values());
    }
  }

  /** POI wraps the useful part ("not implemented: INFO") in "Error evaluating cell". */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String kind = root.getClass().getSimpleName();
    String message = root.getMessage();
    if (message != null) {
      // POI's own advice to its developers ("... open an issue on bugzilla") is not for a TA.
      int advice = message.toLowerCase(java.util.Locale.ROOT).indexOf("bugzilla");
      if (advice >= 0) {
        int end = message.lastIndexOf('.', advice);
        message = end > 0 ? message.substring(0, end) : null;
      }
    }
    return message == null || message.isBlank() ? kind : kind + ": " + message.strip();
  }
}
