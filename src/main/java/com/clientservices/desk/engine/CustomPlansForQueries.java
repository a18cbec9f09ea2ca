package com.clientservices.desk.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.DeploymentQueryImpl;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionRequirementsDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, plans the engine API's queries (task queries, saved filters, the other searches people
 * run) for the values they are asked with, and lets everything else the engine sends use the plans
 * PostgreSQL keeps for its prepared statements.
 *
 * <p>A kept, generic plan of the task query cannot see the authorization statistics
 * (identity.AuthorizationQueryStatistics) and compares every open task with every authorization: 21 s
 * instead of 0.35 s at 10,000 open tickets. Planning every statement for its values avoids that, but
 * costs the inserts and updates of a ticket's steps as much as running them (a third of PostgreSQL's work
 * at intake, README "Benchmarks"). So only the queries are planned for their values, by a {@code SET LOCAL}
 * around each query: the writes after it in the same transaction use the kept plans again.
 *
 * <p>Queries of the people and the deployed models are left to the kept plans: those tables grow with
 * people and releases, not with tickets, so even a plan that checks each of their rows against the grants
 * stays small, and sign-in and the routing decision ask them on every request: the standard lifecycle
 * sent 52 {@code SET LOCAL}s of its 430 statements, then 4 (README "Benchmarks").
 *
 * <p>A task query for one ticket's business key keeps the kept plans too: the key names one ticket, so a kept plan
 * starts from it as well (engine.TaskQueriesByBusinessKey gives the query that ticket's instances; 0.7 ms of
 * PostgreSQL's time at 35,000 open tickets), and planning the query with its authorization checks for its values
 * cost PostgreSQL 1.35 ms against 0.11 ms to run it. The lifecycle's last 4 {@code SET LOCAL}s were those lookups'.
 */
@Component
class CustomPlansForQueries extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.appendInContext(configuration, new PlanForValues(configuration));
    }

    /** Queries whose tables do not grow with tickets: users, groups, tenants and deployed definitions. */
    private static final List<Class<?>> SMALL_TABLES = List.of(
            UserQueryImpl.class,
            GroupQueryImpl.class,
            TenantQueryImpl.class,
            ProcessDefinitionQueryImpl.class,
            DecisionDefinitionQueryImpl.class,
            DecisionRequirementsDefinitionQueryImpl.class,
            DeploymentQueryImpl.class);

    /** Whether a command is a query PostgreSQL plans for its values. */
    static boolean plannedForValues(Command<?> command) {
        if (command instanceof AbstractExecuteFilterCmd) {
            return true;
        }
        if (command instanceof TaskQueryImpl tasks && tasks.getProcessInstanceBusinessKey() != null) {
            return false;
        }
        return command instanceof AbstractQuery<?, ?>
                && SMALL_TABLES.stream().noneMatch(type -> type.isInstance(command));
    }

    private static final class PlanForValues extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;
        // A query run inside another (a filter runs its task query) keeps the outer one's setting.
        private final ThreadLocal<Boolean> inQuery = ThreadLocal.withInitial(() -> false);

        PlanForValues(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (!EngineDatabase.postgres(configuration) || inQuery.get() || !plannedForValues(command)) {
                return next.execute(command);
            }
            var connection = Context.getCommandContext()
                    .getDbSqlSession()
                    .getSqlSession()
                    .getConnection();
            set(connection, "force_custom_plan");
            inQuery.set(true);
            try {
                return next.execute(command);
            } finally {
                inQuery.set(false);
                // The writes that follow in the same transaction (a step that looked something up) keep their plans.
                try {
                    set(connection, "auto");
                } catch (IllegalStateException failedTransaction) {
                    // The query failed and took its transaction with it; the setting ends with it.
                }
            }
        }

        private static void set(Connection connection, String mode) {
            try (var statement = connection.createStatement()) {
                statement.execute("set local plan_cache_mode = " + mode);
            } catch (SQLException e) {
                throw new IllegalStateException("could not set PostgreSQL's plan mode to " + mode, e);
            }
        }
    }
}
