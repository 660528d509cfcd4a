package nl.wederkerig.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The workload is correct at a small size; its speed is the benchmark table's business, not a unit test's. */
class ReconciliationWorkloadTest {

    @Test
    void everyReferencedLineGetsItsExactProposal() {
        ReconciliationWorkload.Figures figures = ReconciliationWorkload.importAndPropose(300, 300, 11);
        assertThat(figures.lines()).isEqualTo(300);
        assertThat(figures.entries()).isEqualTo(300);
        assertThat(figures.exactProposals()).isEqualTo(100); // every third line names its entry
    }
}
