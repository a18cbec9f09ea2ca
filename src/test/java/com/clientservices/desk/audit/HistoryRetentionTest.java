package com.clientservices.desk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** History is kept for the configured retention, seven years unless configured otherwise, then cleaned up. */
@DeskTest
class HistoryRetentionTest {

    @Autowired
    RepositoryService repository;

    @Autowired
    ProcessEngine engine;

    @Autowired
    HistoryRetention configured;

    @Test
    void everyProcessAndDecisionKeepsItsHistorySevenYearsByDefault() {
        assertThat(configured.days()).isEqualTo(2555);
        assertThat(repository.createProcessDefinitionQuery().list())
                .allSatisfy(
                        process -> assertThat(process.getHistoryTimeToLive()).isEqualTo(2555));
        assertThat(repository.createDecisionDefinitionQuery().list())
                .allSatisfy(
                        decision -> assertThat(decision.getHistoryTimeToLive()).isEqualTo(2555));
    }

    @Test
    void aConfiguredRetentionIsAppliedToEveryDefinition() {
        try {
            new HistoryRetention(repository, 30).apply();
            assertThat(repository.createProcessDefinitionQuery().list())
                    .allSatisfy(process ->
                            assertThat(process.getHistoryTimeToLive()).isEqualTo(30));
            assertThat(repository.createDecisionDefinitionQuery().list())
                    .allSatisfy(decision ->
                            assertThat(decision.getHistoryTimeToLive()).isEqualTo(30));
        } finally {
            configured.apply();
        }
    }

    @Test
    void engineCleansUpHistoryByRemovalTimeInANightlyWindow() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    }
}
