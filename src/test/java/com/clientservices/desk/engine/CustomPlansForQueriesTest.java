package com.clientservices.desk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskTest;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL the engine API's queries are planned for their values, and the rest of what the
 * engine sends keeps PostgreSQL's prepared plans; on H2, which has no such setting, nothing changes.
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
    void aTaskQueryIsPlannedForItsValues() {
        assertPlanModeAfter(
                () -> tasks.createTaskQuery()
                        .taskCandidateGroup("client-services")
                        .count(),
                true);
    }

    @Test
    void aSavedFilterIsPlannedForItsValues() {
        var filter = filters.createFilterQuery().list().get(0);
        assertPlanModeAfter(() -> filters.count(filter.getId()), true);
    }

    @Test
    void theEnginesOtherCommandsKeepThePreparedPlans() {
        assertPlanModeAfter(() -> management.getTableCount(), false);
    }

    private void assertPlanModeAfter(Supplier<?> engineCall, boolean planned) {
        if (!postgres) {
            // H2 has no such setting: the call runs as it is, untouched.
            Object answer = transactions.execute(status -> engineCall.get());
            assertThat(answer).isNotNull();
            return;
        }
        var mode = transactions.execute(status -> {
            assertThat(currentMode()).as("before the call").isEqualTo("auto");
            assertThat(engineCall.get()).isNotNull();
            return currentMode();
        });
        assertThat(mode).isEqualTo(planned ? "force_custom_plan" : "auto");
        String after = transactions.execute(status -> currentMode());
        assertThat(after).as("only for the rest of that transaction").isEqualTo("auto");
    }

    private String currentMode() {
        return jdbc.queryForObject("select current_setting('plan_cache_mode')", String.class);
    }
}
