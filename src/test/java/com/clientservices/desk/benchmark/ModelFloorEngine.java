package com.clientservices.desk.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * The engine floor of intake: the bare engine, in the benchmark's JVM on the same kind of database
 * with full history, deploying the desk's own models (processes/ and forms/ as they are) and
 * starting {@code support-request} with the variables the desk's intake gives it. The desk's beans
 * are stand-ins that only set what the models read next (the route's team, the acknowledgement's
 * due and warning times), so what is measured is the engine's share of intake: the routing
 * decision, the call into the standard lifecycle, its timers, task and history.
 */
final class ModelFloorEngine implements AutoCloseable {

    private final ProcessEngine engine;

    ModelFloorEngine(String jdbcUrl, String user, String password) throws IOException {
        var configuration = (StandaloneProcessEngineConfiguration)
                ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("floor-" + System.nanoTime());
        configuration.setJdbcUrl(jdbcUrl);
        configuration.setJdbcUsername(user);
        configuration.setJdbcPassword(password);
        configuration.setJdbcMaxActiveConnections(20);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(new HashMap<>(standIns()));
        engine = configuration.buildProcessEngine();
        var deployment = engine.getRepositoryService().createDeployment().name("desk-models");
        for (var folder : new String[] {"processes", "forms"}) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (var file : files.sorted().toList()) {
                    deployment.addString(file.getFileName().toString(), Files.readString(file));
                }
            }
        }
        deployment.deploy();
    }

    /** Starts one support request as the desk's intake does; returns its id. */
    String start(AtomicLong sequence) {
        return start(sequence.incrementAndGet());
    }

    private String start(long id) {
        var key = "CS-" + id;
        var variables = new HashMap<String, Object>();
        variables.put("requestType", "AD_SERVING");
        variables.put("emergency", false);
        variables.put("missingInformation", "none");
        return engine.getRuntimeService()
                .startProcessInstanceByKey("support-request", key, variables)
                .getId();
    }

    /**
     * One standard ticket's lifecycle through the Java API, as the desk's full lifecycle drives it
     * over HTTP: start, acknowledge, diagnose "resolved", which closes it.
     */
    String lifecycle(AtomicLong sequence) {
        var id = sequence.incrementAndGet();
        var key = "CS-" + id;
        var instance = start(id);
        var tasks = engine.getTaskService();
        tasks.complete(task(key, "Task_AcknowledgeTicket"), Map.of("acknowledgementNote", "On it"));
        tasks.complete(
                task(key, "Task_DiagnoseIssue"),
                Map.of("diagnosisOutcome", "RESOLVED", "resolutionSummary", "Cache flushed"));
        if (tasks.createTaskQuery().processInstanceBusinessKey(key).count() > 0) {
            throw new IllegalStateException(key + " still has a task after resolution");
        }
        return instance;
    }

    private String task(String key, String definition) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(key)
                .taskDefinitionKey(definition)
                .singleResult()
                .getId();
    }

    private static Map<String, Object> standIns() {
        JavaDelegate nothing = execution -> {};
        TaskListener noListener = task -> {};
        var beans = new HashMap<String, Object>();
        beans.put("recordRoute", (JavaDelegate)
                execution -> execution.setVariable("team", execution.getVariable("route")));
        beans.put("sendNotification", nothing);
        beans.put("askCustomer", nothing);
        beans.put("rerouteTicket", nothing);
        beans.put("describeTask", noListener);
        beans.put("requireFormFields", noListener);
        beans.put("slaClock", new SlaClockStandIn());
        beans.put("ticketStatus", new Ignored());
        beans.put("conversation", new Ignored());
        return beans;
    }

    /** Sets the acknowledgement's due and warning times one day ahead, as strings like the desk's. */
    public static final class SlaClockStandIn {
        public void start(DelegateExecution execution, String kind) {
            var due = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
            var prefix = kind.equals("ACKNOWLEDGEMENT") ? "acknowledgement" : "nextResponse";
            execution.setVariable(kind.equals("ACKNOWLEDGEMENT") ? "acknowledgeBy" : "nextResponseBy", due.toString());
            execution.setVariable(prefix + "WarningAt", due.minusHours(1).toString());
            execution.setVariable(prefix + "Warns", true);
        }

        public void stop(DelegateExecution execution, String kind) {}

        public void warn(DelegateExecution execution, String kind) {}

        public void breach(DelegateExecution execution, String kind) {}

        public Date taskDue(DelegateExecution execution) {
            return null;
        }
    }

    /** Status changes and notes only touch the desk's own tables. */
    public static final class Ignored {
        public void change(DelegateExecution execution, String status) {}

        public void note(DelegateExecution execution, String kind, String variable) {}
    }

    @Override
    public void close() {
        engine.close();
    }
}
