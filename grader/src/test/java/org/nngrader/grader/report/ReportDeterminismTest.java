package org.nngrader.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nngrader.grader.batch.GradedSubmission;
import org.nngrader.rubric.Reveal;

/** Same input, same bytes: whatever the order and the threads the submissions arrive on. */
class ReportDeterminismTest {

  @TempDir
  Path tmp;

  @Test
  void sequentialAndParallelShuffledRunsWriteIdenticalBytes() throws Exception {
    Path a = tmp.resolve("a");
    ClassReport first = new ClassReport(a, ReportFixtures.T, ReportFixtures.T.asked(), Reveal.ALL);
    ReportFixtures.all().forEach(first::add);
    first.finish();

    Path b = tmp.resolve("b");
    ClassReport second = new ClassReport(b, ReportFixtures.T, ReportFixtures.T.asked(), Reveal.ALL);
    List<GradedSubmission> shuffled = new ArrayList<>(ReportFixtures.all());
    Collections.shuffle(shuffled, new Random(7));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<String>> done = new ArrayList<>();
      for (GradedSubmission s : shuffled) {
        done.add(pool.submit(() -> second.add(s)));
      }
      for (Future<String> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    second.finish();

    assertThat(ReportGoldenTest.files(b)).containsExactlyElementsOf(ReportGoldenTest.files(a))
        .contains("summary.html");
    for (String f : ReportGoldenTest.files(a)) {
      assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
    }
  }

  @Test
  void chartsRenderToIdenticalSvgTwice() {
    long[] bands = {0, 1, 0, 2, 5, 9, 14, 20, 11, 3};
    assertThat(ClassCharts.histogram(bands)).isEqualTo(ClassCharts.histogram(bands.clone()));
    List<String> steps = ReportFixtures.T.asked();
    double[] rates = new double[steps.size()];
    for (int i = 0; i < rates.length; i++) {
      rates[i] = 100.0 * i / rates.length;
    }
    String svg = ClassCharts.stepSuccess(steps, rates);
    assertThat(svg).isEqualTo(ClassCharts.stepSuccess(steps, rates.clone()));
    // JFreeSVG's default defs prefix comes from the clock; ours is fixed.
    assertThat(svg).contains("url(#chart-steps-clip-").startsWith("<svg id='chart-steps'");
    for (String step : steps) {
      assertThat(svg).as(step).contains(">" + step + "<");
    }
  }

  @Test
  void studentReportsAreIdenticalTwice() throws IOException {
    GradedSubmission s = ReportFixtures.misconception();
    assertThat(StudentReport.html(s, ReportFixtures.T, Reveal.ALL))
        .isEqualTo(StudentReport.html(ReportFixtures.misconception(), ReportFixtures.T, Reveal.ALL));
    assertThat(StudentReport.json(s, ReportFixtures.T, Reveal.NOTHING))
        .isEqualTo(StudentReport.json(ReportFixtures.misconception(), ReportFixtures.T, Reveal.NOTHING));
  }
}
