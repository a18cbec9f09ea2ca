package com.clientservices.desk.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets one node at a time run its start-up setup in a cluster: the setup runs in one transaction
 * that first locks a row every node shares, so a node that starts beside another sees what the
 * other created instead of creating it twice.
 */
@Component
public class StartupLock {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    StartupLock(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public void runAlone(Runnable setup) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select name from desk_lock where name = 'startup' for update")
                    .query(String.class)
                    .single();
            setup.run();
        });
    }
}
