package org.nngrader.grader.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * The charts of the class summary, drawn with JFreeChart into inline SVG (JFreeSVG). Every
 * input to the drawing is fixed (size, fonts, colours, number formats in Locale.ROOT, the SVG
 * defs prefix that JFreeSVG would otherwise take from the clock), so equal data give equal
 * bytes. Needs no display: SVG drawing runs headless. Text is laid out with the JVM's font
 * metrics, so the bytes can differ between machines with different fonts, never between runs.
 */
final class ClassCharts {

  private static final String FONT = "SansSerif";
  private static final Color BAR = new Color(0x1f, 0x5f, 0xa8);
  private static final int WIDTH = 720;

  private ClassCharts() {}

  /**
   * Loads the fonts the charts lay their text out with, and their metrics: the JVM reads the
   * system's fonts on first use (a tenth of a second or more), which {@link
   * ClassReport#prepareCharts} has done on another thread as a run starts, instead of when its
   * summary is drawn at the end. Changes nothing the charts draw.
   */
  static void loadFonts() {
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, 320);
    for (Font f : new Font[] {new Font(FONT, Font.BOLD, 15), new Font(FONT, Font.BOLD, 13),
        new Font(FONT, Font.PLAIN, 12), new Font(FONT, Font.PLAIN, 11),
        new Font(FONT, Font.PLAIN, 10)}) {
      g.setFont(f);
      g.getFontMetrics().stringWidth("Score distribution 0123456789");
      f.getStringBounds("students (%)", g.getFontRenderContext());
    }
    g.dispose();
  }

  /**
   * Students per score band: band i counts percentages in [10 i, 10 i + 10), the last band
   * includes 100.
   */
  static String histogram(long[] bands) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int i = 0; i < bands.length; i++) {
      int lo = i * 100 / bands.length;
      int hi = (i + 1) * 100 / bands.length;
      data.addValue(bands[i], "students", lo + "\u2013" + hi);
    }
    JFreeChart chart = ChartFactory.createBarChart("Score distribution", "score (%)",
        "students", data, PlotOrientation.VERTICAL, false, false, false);
    style(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    range.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
    range.setNumberFormatOverride(format("0"));
    range.setUpperMargin(0.12);
    return svg(chart, "chart-histogram", WIDTH, 320);
  }

  /** The share of graded students who got each step right (correct or follow-through), in %. */
  static String stepSuccess(List<String> steps, double[] percent) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int i = 0; i < steps.size(); i++) {
      data.addValue(percent[i], "success", steps.get(i));
    }
    JFreeChart chart = ChartFactory.createBarChart("Per-step success rate (correct or follow-through)",
        null, "students (%)", data, PlotOrientation.HORIZONTAL, false, false, false);
    style(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    // A little room past 100 so that the value label of a full bar stays inside the plot.
    range.setRange(0, 108);
    range.setTickUnit(new NumberTickUnit(10, format("0")));
    range.setNumberFormatOverride(format("0"));
    CategoryAxis domain = plot.getDomainAxis();
    domain.setMaximumCategoryLabelWidthRatio(0.35f);
    domain.setCategoryMargin(0.25);
    return svg(chart, "chart-steps", WIDTH, 80 + 20 * Math.max(1, steps.size()));
  }

  private static void style(JFreeChart chart) {
    StandardChartTheme theme = new StandardChartTheme("nngrader");
    theme.setExtraLargeFont(new Font(FONT, Font.BOLD, 15));
    theme.setLargeFont(new Font(FONT, Font.BOLD, 13));
    theme.setRegularFont(new Font(FONT, Font.PLAIN, 12));
    theme.setSmallFont(new Font(FONT, Font.PLAIN, 11));
    theme.setBarPainter(new StandardBarPainter());
    theme.setShadowVisible(false);
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setRangeGridlinePaint(new Color(0xcc, 0xcc, 0xcc));
    theme.apply(chart);
    chart.setAntiAlias(true);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setOutlineVisible(false);
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setSeriesPaint(0, BAR);
    r.setMaximumBarWidth(0.08);
    r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format("0.#")));
    r.setDefaultItemLabelsVisible(true);
    r.setDefaultItemLabelFont(new Font(FONT, Font.PLAIN, 10));
  }

  private static NumberFormat format(String pattern) {
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
  }

  private static String svg(JFreeChart chart, String id, int width, int height) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(id + "-");
    g.setGeomDoubleConverter(ClassCharts::twoDecimals);
    g.setTransformDoubleConverter(ClassCharts::twoDecimals);
    chart.draw(g, new Rectangle(0, 0, width, height));
    // A viewBox lets the page scale the chart down to a phone's width.
    return g.getSVGElement(id, true, new org.jfree.svg.ViewBox(0, 0, width, height), null, null);
  }

  private static String twoDecimals(double v) {
    String s = String.format(Locale.ROOT, "%.2f", v);
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return "-0".equals(s) ? "0" : s;
  }
}
