package com.clientservices.desk.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets the job executor find due jobs without reading every job. Each open ticket keeps two or
 * three SLA timers in the engine's job table, due days ahead, and the engine's acquisition query
 * (taken every second or two, and for each batch of a burst) has no index on the due date: on
 * H2 and PostgreSQL it read all of them to find the few due ones. With every job given a due date
 * (ensure-job-due-date-not-null in application.yml; an async continuation is due when created),
 * the query asks only {@code DUEDATE_ <= now}, which this index answers. Jobs a desk before this
 * one left without a due date are made due now, or acquisition would no longer see them.
 */
@Component
class JobAcquisitionIndex {

    private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionIndex.class);

    private final JdbcTemplate jdbc;
    private final EngineTableIndexes indexes;

    JobAcquisitionIndex(JdbcTemplate jdbc, EngineTableIndexes indexes) {
        this.jdbc = jdbc;
        this.indexes = indexes;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void create() {
        indexes.ensure("desk_idx_job_duedate", "act_ru_job (duedate_)", "job acquisition");
        var undated = jdbc.update("update act_ru_job set duedate_ = current_timestamp where duedate_ is null");
        if (undated > 0) {
            LOG.info("{} jobs without a due date made due now", undated);
        }
    }
}
