package com.clientservices.desk.web;

import com.clientservices.desk.refusal.Conflict;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a change in a transaction of its own, and runs it again from the start when another
 * transaction got there first: the engine finds the same process changed meanwhile (a customer's
 * double click, an SLA timer or a second node firing at that moment), or a row the change would
 * create was just created (two administrators registering the same member). The next run reads
 * what is there now, so it either does the work or refuses it with a 4xx that says why; the
 * caller never sees the database's or the engine's internal conflict.
 */
@Component
public class RetryOnConcurrentChange {

    private static final int ATTEMPTS = 3;

    private final TransactionTemplate transaction;

    RetryOnConcurrentChange(TransactionTemplate transaction) {
        this.transaction = transaction;
    }

    /** @param what the ticket or member being changed, as the refusal names it */
    public <T> T run(String what, Supplier<T> change) {
        for (var attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> change.get());
            } catch (OptimisticLockingException | DuplicateKeyException e) {
                if (attempt == ATTEMPTS) {
                    throw new Conflict(what + " changed " + ATTEMPTS + " times while your request was being "
                            + "saved, so nothing was saved; reload and try again");
                }
            }
        }
    }
}
