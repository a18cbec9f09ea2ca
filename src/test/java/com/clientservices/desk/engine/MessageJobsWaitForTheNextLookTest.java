package com.clientservices.desk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A step that queues a message (or other deferred work) leaves its job to the job executor's next look
 * instead of waking the executor for that one job, so under load one look takes many deliveries in one
 * transaction (application.yml). Under load the next look comes when a running job finishes; on an idle
 * node it is never more than half a second away. That the jobs are then taken and run by the executor
 * of a running desk, once each, is shown by ClusterIT.
 */
@DeskTest
class MessageJobsWaitForTheNextLookTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    CamundaBpmProperties properties;

    @Test
    void aNewJobDoesNotWakeTheJobExecutor() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isHintJobExecutor())
                .isFalse();
    }

    @Test
    void theExecutorLooksForDueJobsAtLeastEveryHalfSecond() {
        var execution = properties.getJobExecution();
        // The idle wait grows from the wait time up to max-wait; a wait time above max-wait would
        // leave the executor no idle wait at all (BackoffJobAcquisitionStrategy), so it must not be.
        assertThat(execution.getMaxWait()).isLessThanOrEqualTo(500L);
        assertThat((long) execution.getWaitTimeInMillis()).isLessThanOrEqualTo(execution.getMaxWait());
    }
}
