package com.clientservices.desk.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
 * every open ticket (README, "Benchmarks"). While the query runs it is given the ids of the executions with that
 * business key as well, found by the engine's index of business keys, so the database reads those instances' tasks
 * by index; afterwards the query is as its caller built it, so running it again looks the ids up again and a saved
 * query never keeps them. The answer is the same: a task of the key belongs to one of those instances, and the key
 * is still compared; the tasks are checked for the user as before. A query with alternatives ({@code orQuery}),
 * instance ids of its own or expressions is left as it is, and so is a key no execution has or that very many share.
 */
@Component
class TaskQueriesByBusinessKey extends AbstractProcessEnginePlugin {

    // A business key names one ticket's few instances; beyond this the plain query is the better plan anyway.
    private static final int MOST_INSTANCES = 100;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.appendInContext(configuration, new InstancesFirst());
    }

    private static final class InstancesFirst extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (!(command instanceof TaskQueryImpl query)
                    || query.getProcessInstanceBusinessKey() == null
                    || query.getProcessInstanceId() != null
                    || query.getProcessInstanceIdIn() != null
                    || query.getQueries().size() != 1
                    || !query.getExpressions().isEmpty()) {
                return next.execute(command);
            }
            var instances = instances(query.getProcessInstanceBusinessKey());
            if (instances.isEmpty() || instances.size() > MOST_INSTANCES) {
                return next.execute(command);
            }
            query.processInstanceIdIn(instances.toArray(String[]::new));
            try {
                return next.execute(command);
            } finally {
                query.processInstanceIdIn((String[]) null);
            }
        }

        private static List<String> instances(String businessKey) {
            return CommandStatements.strings(
                    "select ID_ from " + CommandStatements.table("ACT_RU_EXECUTION") + " where BUSINESS_KEY_ = ?",
                    businessKey);
        }
    }
}
