package com.clientservices.desk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskTest;
import com.clientservices.desk.TableIndexes;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job executor finds due jobs through an index on the due date: every job is given one, the
 * index exists after start, and a job an older desk left without a due date is made due.
 */
@DeskTest
class JobAcquisitionIndexTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobAcquisitionIndex index;

    @Test
    void everyJobGetsADueDateSoAcquisitionCanUseTheIndex() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                        .isEnsureJobDueDateNotNull())
                .isTrue();
    }

    @Test
    void theJobTableHasAnIndexOnTheDueDateAfterStart() throws Exception {
        assertThat(TableIndexes.of(dataSource, "act_ru_job")).contains("desk_idx_job_duedate:duedate_");
    }

    @Test
    void aJobLeftWithoutADueDateIsMadeDueAtStart() {
        var id = "job-without-due-date-" + System.nanoTime();
        jdbc.update(
                "insert into act_ru_job (id_, rev_, type_, retries_, handler_type_, suspension_state_, priority_)"
                        + " values (?, 1, 'message', 0, 'async-continuation', 1, 0)",
                id);
        try {
            index.create();
            var due = jdbc.queryForObject("select duedate_ from act_ru_job where id_ = ?", Timestamp.class, id);
            assertThat(due).isNotNull();
        } finally {
            jdbc.update("delete from act_ru_job where id_ = ?", id);
        }
    }
}
