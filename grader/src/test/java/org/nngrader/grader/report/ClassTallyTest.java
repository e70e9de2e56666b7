package org.nngrader.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nngrader.grader.engine.Verdict;

class ClassTallyTest {

  @Test
  void bandsAreTenPointsWideAndHundredIsInTheLast() {
    assertThat(ClassTally.band(0)).isZero();
    assertThat(ClassTally.band(9.99)).isZero();
    assertThat(ClassTally.band(10)).isEqualTo(1);
    assertThat(ClassTally.band(99.99)).isEqualTo(9);
    assertThat(ClassTally.band(100)).isEqualTo(9);
  }

  @Test
  void countsMeanMedianAndMisconceptionsOfTheFixtureClass() {
    ClassTally t = new ClassTally(ReportFixtures.T.asked());
    ReportFixtures.all().forEach(s -> t.add(s, ClassReport.folderName(s)));
    assertThat(t.graded).isEqualTo(4);
    assertThat(t.failed).isEqualTo(2);
    assertThat(t.late).isEqualTo(1);
    assertThat(t.flagged).hasSize(2);
    assertThat(t.failures).extracting(ClassTally.Failure::studentId).containsExactly(null, "s005");
    double[] scores = ReportFixtures.all().stream().filter(s -> s.result() != null)
        .mapToDouble(s -> s.result().score()).sorted().toArray();
    assertThat(t.medianScore()).isEqualTo((scores[1] + scores[2]) / 2);
    assertThat(t.meanScore()).isEqualTo((scores[0] + scores[1] + scores[2] + scores[3]) / 4);
    assertThat(t.commonMax()).isEqualTo(50);
    // s004 wrote 4 decimals: its small gradients have one figure and earn nothing (82%).
    assertThat(t.bands[9]).isEqualTo(3);
    assertThat(t.bands[8]).isEqualTo(1);
    int netH1 = t.indexOf("net_h1");
    assertThat(t.stepVerdicts[netH1][Verdict.CORRECT.ordinal()]).isEqualTo(2);
    assertThat(t.successPercent(netH1)).isEqualTo(50.0);
    List<ClassTally.MisconceptionCount> m = t.misconceptions();
    assertThat(m).first().satisfies(first -> {
      assertThat(first.id).isEqualTo("error-derivative-sign");
      assertThat(first.students).isEqualTo(1);
      assertThat(t.stepsOf(first).get(0).getKey()).isEqualTo("dE_total/dout_o1");
    });
  }

  @Test
  void emptyClassHasNoMean() {
    ClassTally t = new ClassTally(List.of("net_h1"));
    assertThat(t.meanScore()).isNaN();
    assertThat(t.medianScore()).isNaN();
    assertThat(t.successPercent(0)).isZero();
  }
}
