package com.clientservices.desk.identity;

import com.clientservices.desk.engine.EngineDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps an agent's Tasklist queue fast with thousands of open tickets on PostgreSQL. Each task
 * carries its own authorization for its team, and the engine's task query checks them with a
 * bitwise test on the permissions that PostgreSQL cannot estimate without statistics on those
 * expressions: it then guesses a few dozen rows, and compares every task with every authorization
 * (21 s at 10,000 open tickets instead of 0.4 s). Created once, kept current by autovacuum.
 */
@Component
class AuthorizationQueryStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationQueryStatistics.class);

    private final JdbcTemplate jdbc;
    private final EngineDatabase database;

    AuthorizationQueryStatistics(JdbcTemplate jdbc, EngineDatabase database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void create() {
        if (!database.postgres()) {
            return;
        }
        try {
            createMissing();
        } catch (DataAccessException e) {
            // Not the tables' owner, or another node created them at the same moment: the desk works, only slower.
            LOG.warn("Could not create the planner statistics for task authorizations: {}", e.getMessage());
        }
    }

    private void createMissing() {
        var existing = jdbc.queryForObject(
                "select count(*) from pg_statistic_ext where stxname like 'desk_authorization_perms_%'", Long.class);
        if (existing != null && existing == 2) {
            return;
        }
        // Task READ (2) and process-definition READ_TASK (64), as the engine's task query tests them.
        jdbc.execute("create statistics if not exists desk_authorization_perms_read (mcv) "
                + "on (perms_ & 2), resource_type_ from act_ru_authorization");
        jdbc.execute("create statistics if not exists desk_authorization_perms_read_task (mcv) "
                + "on (perms_ & 64), resource_type_ from act_ru_authorization");
        jdbc.execute("analyze act_ru_authorization");
    }
}
