package com.clientservices.desk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskTest;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL the engine API's queries are planned for their values, and everything else the
 * engine sends, the writes after a query in the same transaction included, keeps PostgreSQL's
 * prepared plans; on H2, which has no such setting, queries run untouched.
 */
@DeskTest
class CustomPlansForQueriesTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ProcessEngine engine;

    @Autowired
    TaskService tasks;

    @Autowired
    FilterService filters;

    @Autowired
    ManagementService management;

    private boolean postgres;

    @BeforeEach
    void database() throws Exception {
        try (var connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }

    @Test
    void aQueryOfTheEngineApiIsPlannedForItsValuesWhileItRuns() {
        List<String> during = transactions.execute(status -> new PlanModeQuery(executor()).list());
        assertThat(during).containsExactly(postgres ? "force_custom_plan" : "no such setting");
    }

    @Test
    void aQueryOfThePeopleKeepsThePreparedPlansWhileItRuns() {
        List<String> during = transactions.execute(status -> new GroupPlanModeQuery(executor())
                .list().stream().map(Group::getId).toList());
        assertThat(during).containsExactly(postgres ? "auto" : "no such setting");
    }

    @Test
    void onlyQueriesOfTablesThatGrowWithTicketsArePlannedForTheirValues() {
        assertThat(CustomPlansForQueries.plannedForValues((Command<?>) tasks.createTaskQuery()))
                .isTrue();
        assertThat(CustomPlansForQueries.plannedForValues(
                        (Command<?>) engine.getHistoryService().createHistoricActivityInstanceQuery()))
                .isTrue();
        assertThat(CustomPlansForQueries.plannedForValues(
                        (Command<?>) engine.getIdentityService().createGroupQuery()))
                .isFalse();
        assertThat(CustomPlansForQueries.plannedForValues(
                        (Command<?>) engine.getIdentityService().createUserQuery()))
                .isFalse();
        assertThat(CustomPlansForQueries.plannedForValues(
                        (Command<?>) engine.getIdentityService().createTenantQuery()))
                .isFalse();
        assertThat(CustomPlansForQueries.plannedForValues(
                        (Command<?>) engine.getRepositoryService().createDecisionDefinitionQuery()))
                .isFalse();
        assertThat(CustomPlansForQueries.plannedForValues(
                        (Command<?>) engine.getRepositoryService().createProcessDefinitionQuery()))
                .isFalse();
    }

    @Test
    void aTaskQueryForOneTicketsBusinessKeyKeepsThePreparedPlansWhileItRuns() {
        List<String> during = transactions.execute(status -> new TaskPlanModeQuery(executor())
                .processInstanceBusinessKey("CS-000001").list().stream()
                        .map(Task::getName)
                        .toList());
        assertThat(during).containsExactly(postgres ? "auto" : "no such setting");
    }

    @Test
    void aTaskQueryForOneTicketsBusinessKeyKeepsThePreparedPlans() {
        assertThat(CustomPlansForQueries.plannedForValues(
                        (Command<?>) tasks.createTaskQuery().processInstanceBusinessKey("CS-000001")))
                .isFalse();
        assertThat(CustomPlansForQueries.plannedForValues(
                        (Command<?>) tasks.createTaskQuery().processInstanceBusinessKeyLike("CS-%")))
                .isTrue();
        assertThat(CustomPlansForQueries.plannedForValues(
                        (Command<?>) tasks.createTaskQuery().taskCandidateGroup("client-services")))
                .isTrue();
    }

    @Test
    void whatFollowsAQueryInItsTransactionKeepsThePreparedPlans() {
        if (!postgres) {
            assertThat(tasks.createTaskQuery()
                            .taskCandidateGroup("client-services")
                            .count())
                    .isNotNegative();
            return;
        }
        String after = transactions.execute(status -> {
            assertThat(currentMode()).as("before the query").isEqualTo("auto");
            tasks.createTaskQuery().taskCandidateGroup("client-services").count();
            return currentMode();
        });
        assertThat(after).isEqualTo("auto");
    }

    @Test
    void aSavedFilterRunsAndLeavesThePreparedPlansBehind() {
        var filter = filters.createFilterQuery().list().get(0);
        Long count = transactions.execute(status -> {
            var counted = filters.count(filter.getId());
            if (postgres) {
                assertThat(currentMode()).isEqualTo("auto");
            }
            return counted;
        });
        assertThat(count).isNotNull();
    }

    @Test
    void theEnginesOtherCommandsKeepThePreparedPlans() {
        if (!postgres) {
            assertThat(management.getTableCount()).isNotEmpty();
            return;
        }
        String mode = transactions.execute(status -> {
            management.getTableCount();
            return currentMode();
        });
        assertThat(mode).isEqualTo("auto");
    }

    private String currentMode() {
        return jdbc.queryForObject("select current_setting('plan_cache_mode')", String.class);
    }

    private CommandExecutor executor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    }

    /** A group query that answers with PostgreSQL's plan mode while it runs, as the id of its one group. */
    static final class GroupPlanModeQuery extends GroupQueryImpl {

        GroupPlanModeQuery(CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext context) {
            return 1;
        }

        @Override
        public List<Group> executeList(CommandContext context, Page page) {
            var group = new GroupEntity(
                    new PlanModeQuery(null).executeList(context, page).get(0));
            return List.of(group);
        }
    }

    /** A task query that answers with PostgreSQL's plan mode while it runs, as the name of its one task. */
    static final class TaskPlanModeQuery extends TaskQueryImpl {

        TaskPlanModeQuery(CommandExecutor executor) {
            super(executor);
        }

        @Override
        public List<Task> executeList(CommandContext context, Page page) {
            var task = new TaskEntity();
            task.setName(new PlanModeQuery(null).executeList(context, page).get(0));
            return List.of(task);
        }
    }

    /** A query of the engine's kind that answers with PostgreSQL's plan mode while it runs. */
    interface PlanMode extends Query<PlanMode, String> {}

    static final class PlanModeQuery extends AbstractQuery<PlanMode, String> implements PlanMode {

        PlanModeQuery(CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext context) {
            return 1;
        }

        @Override
        public List<String> executeList(CommandContext context, Page page) {
            var connection = context.getDbSqlSession().getSqlSession().getConnection();
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery("select current_setting('plan_cache_mode', true)")) {
                rows.next();
                var mode = rows.getString(1);
                return List.of(mode == null ? "no such setting" : mode);
            } catch (SQLException e) {
                return List.of("no such setting");
            }
        }
    }
}
