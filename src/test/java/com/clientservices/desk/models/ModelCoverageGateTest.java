package com.clientservices.desk.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskTest;
import com.clientservices.desk.ModelCoverage;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs after every other test class: the build fails when the whole test run reached less than
 * 90% of the flow nodes and sequence flows of any model. The HTML reports per test class are under
 * target/process-test-coverage/.
 */
@DeskTest
@Order(Integer.MAX_VALUE)
class ModelCoverageGateTest {

    private static final double REQUIRED = 0.90;

    @Autowired
    RepositoryService repository;

    @ParameterizedTest(name = "{0} is covered to at least 90%")
    @ValueSource(strings = {"support-request", "standard-issue", "emergency-issue", "sla-breach"})
    void everyModelIsCoveredByTheTestRun(String processKey) {
        var total = ModelCoverage.elements(repository, processKey).size();
        var uncovered = ModelCoverage.uncovered(repository, processKey);
        var covered = (double) (total - uncovered.size()) / total;
        System.out.printf(
                "Process test coverage of %s: %.1f%% of %d flow nodes and sequence flows%n",
                processKey, covered * 100, total);
        assertThat(covered).as("%s misses %s", processKey, uncovered).isGreaterThanOrEqualTo(REQUIRED);
    }
}
