package com.clientservices.desk.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * A task query for a ticket's business key ({@code GET /engine-rest/task?processInstanceBusinessKey=CS-…}, how
 * scripts and integrations find a ticket's task) reads that ticket's tasks, not every open task.
 *
 * <p>The engine joins the task to its process instance to compare the business key. With authorization checks on
 * it also joins the task's process definition, by an outer join; H2 never moves a table across an outer join, so
 * it read every open task first and compared each one's authorizations and business key, a cost that grows with
 * every open ticket (README, "Benchmarks"). The query is given the ids of the executions with that business key as
 * well, found by the engine's index of business keys, so the database reads those instances' tasks by index. The
 * answer is the same: a task of the key belongs to one of those instances, and the key is still compared; the
 * tasks are checked for the user as before. A query with alternatives ({@code orQuery}) or instance ids of its own
 * is left as it is, and so is a key no execution has (its answer is empty either way).
 */
@Component
class TaskQueriesByBusinessKey extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.appendInContext(configuration, new InstancesFirst(configuration.getDatabaseTablePrefix()));
    }

    private static final class InstancesFirst extends CommandInterceptor {

        private final String executions;

        InstancesFirst(String tablePrefix) {
            // Read by its own statement: the engine's process instance query drives H2 through another index.
            this.executions = "select ID_ from " + (tablePrefix == null ? "" : tablePrefix)
                    + "ACT_RU_EXECUTION where BUSINESS_KEY_ = ?";
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof TaskQueryImpl query
                    && query.getProcessInstanceBusinessKey() != null
                    && query.getProcessInstanceId() == null
                    && query.getProcessInstanceIdIn() == null
                    && query.getQueries().size() == 1) {
                var instances = instances(query.getProcessInstanceBusinessKey());
                if (!instances.isEmpty()) {
                    query.processInstanceIdIn(instances.toArray(String[]::new));
                }
            }
            return next.execute(command);
        }

        private ArrayList<String> instances(String businessKey) {
            var connection = Context.getCommandContext()
                    .getDbSqlSession()
                    .getSqlSession()
                    .getConnection();
            var ids = new ArrayList<String>();
            try (var statement = connection.prepareStatement(executions)) {
                statement.setString(1, businessKey);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new ProcessEngineException("could not look up the executions of " + businessKey, e);
            }
            return ids;
        }
    }
}
