package com.clientservices.desk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clientservices.desk.DeskTest;
import com.clientservices.desk.refusal.Conflict;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A change that collides with another transaction runs again in a fresh one, a bounded number of times. */
@DeskTest
class RetryOnConcurrentChangeTest {

    @Autowired
    RetryOnConcurrentChange retry;

    @Autowired
    JdbcClient jdbc;

    /** A table of the test's own, to see which runs' writes were kept. */
    @BeforeEach
    void probeTable() {
        jdbc.sql("drop table if exists retry_probe").update();
        jdbc.sql("create table retry_probe (run int)").update();
    }

    @AfterEach
    void dropProbeTable() {
        jdbc.sql("drop table if exists retry_probe").update();
    }

    @Test
    void aChangeThatCollidesOnceIsRunAgainAndOnlyTheSecondRunIsKept() {
        var runs = new AtomicInteger();

        var result = retry.run("CS-1", () -> {
            var run = runs.incrementAndGet();
            jdbc.sql("insert into retry_probe values (:run)").param("run", run).update();
            if (run == 1) {
                throw new OptimisticLockingException("the process changed meanwhile");
            }
            return "saved";
        });

        assertThat(result).isEqualTo("saved");
        assertThat(runs).hasValue(2);
        assertThat(jdbc.sql("select run from retry_probe").query(Integer.class).list())
                .as("the first run's write was rolled back")
                .containsExactly(2);
    }

    @Test
    void aChangeThatFindsItsNewRowJustCreatedByAnotherIsRunAgain() {
        var runs = new AtomicInteger();

        var result = retry.run("Member 7", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new DuplicateKeyException("member 7 was registered meanwhile");
            }
            return "replaced";
        });

        assertThat(result).isEqualTo("replaced");
        assertThat(runs).hasValue(2);
    }

    @Test
    void aChangeThatKeepsCollidingIsRefusedWithAConflictNotAServerError() {
        var runs = new AtomicInteger();

        assertThatThrownBy(() -> retry.run("CS-7", () -> {
                    runs.incrementAndGet();
                    throw new OptimisticLockingException("the process changed meanwhile");
                }))
                .isInstanceOfSatisfying(Conflict.class, e -> {
                    assertThat(new ApiExceptionHandler().handle(e).getStatusCode())
                            .isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.getMessage()).startsWith("CS-7 changed").contains("try again");
                });
        assertThat(runs).hasValue(3);
    }
}
