package com.clientservices.desk;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everything a refused write could have changed, in the desk's tables and in the engine: the same
 * state before and after a refused request means it left nothing behind.
 */
public record DeskState(
        Map<String, Long> rows,
        long processInstances,
        long historicProcessInstances,
        long deployments,
        long users,
        List<String> tickets,
        List<String> tasks) {

    /** Reads the desk's state as it is now; a test declares {@code @Autowired DeskState.Reader desk;}. */
    @Component
    public static class Reader {

        private final JdbcClient jdbc;
        private final RuntimeService runtime;
        private final HistoryService history;
        private final RepositoryService repository;
        private final IdentityService identity;
        private final TaskService tasks;

        Reader(
                JdbcClient jdbc,
                RuntimeService runtime,
                HistoryService history,
                RepositoryService repository,
                IdentityService identity,
                TaskService tasks) {
            this.jdbc = jdbc;
            this.runtime = runtime;
            this.history = history;
            this.repository = repository;
            this.identity = identity;
            this.tasks = tasks;
        }

        public DeskState now() {
            var rows = new TreeMap<String, Long>();
            for (var table : List.of("ticket", "ticket_event", "ticket_attachment", "notification")) {
                rows.put(
                        table,
                        jdbc.sql("select count(*) from " + table)
                                .query(Long.class)
                                .single());
            }
            return new DeskState(
                    rows,
                    runtime.createProcessInstanceQuery().count(),
                    history.createHistoricProcessInstanceQuery().count(),
                    repository.createDeploymentQuery().count(),
                    identity.createUserQuery().count(),
                    jdbc.sql("select id, status, team, updated_at from ticket order by id")
                            .query((rs, row) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                                    + rs.getObject(4))
                            .list(),
                    tasks.createTaskQuery().orderByTaskId().asc().list().stream()
                            .map(task -> task.getId() + " " + task.getTaskDefinitionKey() + " " + task.getAssignee())
                            .toList());
        }
    }
}
