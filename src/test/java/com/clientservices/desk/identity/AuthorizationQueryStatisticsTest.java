package com.clientservices.desk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskTest;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What keeps a team's Tasklist queue fast: on PostgreSQL the planner statistics exist after start
 * (on H2, which has no such statistics, the start does not try to create them), and the engine
 * checks each task's grants by lookups instead of joining every grant of the agent's groups.
 */
@DeskTest
class AuthorizationQueryStatisticsTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuthorizationQueryStatistics statistics;

    @Test
    void thePlannerKnowsHowManyTaskAuthorizationsGrantReading() throws Exception {
        String database;
        try (var connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName();
        }
        statistics.create();
        if (database.equals("PostgreSQL")) {
            assertThat(jdbc.queryForList("select stxname from pg_statistic_ext order by stxname", String.class))
                    .contains("desk_authorization_perms_read", "desk_authorization_perms_read_task");
        } else {
            assertThat(database).isEqualTo("H2");
        }
    }

    @Autowired
    ProcessEngine engine;

    /**
     * Set under camunda.bpm.authorization; under generic-properties the starter's own default
     * ("auto") overwrote it and every queue query joined all grants (BENCHMARKS.md, QueueBenchmark).
     */
    @Test
    void taskQueriesCheckEachTasksGrantsByLookupInsteadOfJoiningEveryGrant() {
        assertThat(engine.getProcessEngineConfiguration().getAuthorizationCheckRevokes())
                .isEqualTo("always");
    }
}
