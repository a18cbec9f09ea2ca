package com.clientservices.desk.benchmark;

import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * The bare engine the desk is measured against: the same Camunda version on the same kind of
 * database with full history, starting and completing a process of one user task, nothing else.
 */
final class BaselineEngine implements AutoCloseable {

    private static final String PROCESS = "baseline";
    private final ProcessEngine engine;

    BaselineEngine(String jdbcUrl, String user, String password) {
        var configuration = (StandaloneProcessEngineConfiguration)
                ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("baseline-" + System.nanoTime());
        configuration.setJdbcUrl(jdbcUrl);
        configuration.setJdbcUsername(user);
        configuration.setJdbcPassword(password);
        configuration.setJdbcMaxActiveConnections(20);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance(
                        "baseline.bpmn",
                        Bpmn.createExecutableProcess(PROCESS)
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .userTask("work")
                                .endEvent()
                                .done())
                .deploy();
    }

    /** Starts one instance; returns its id. */
    String start(AtomicLong sequence) {
        return engine.getRuntimeService()
                .startProcessInstanceByKey(PROCESS, "B-" + sequence.incrementAndGet())
                .getId();
    }

    /** Starts one instance and completes its task. */
    void startAndComplete(AtomicLong sequence) {
        var instance = start(sequence);
        var task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult();
        engine.getTaskService().complete(task.getId());
    }

    @Override
    public void close() {
        engine.close();
    }
}
