package com.clientservices.desk.ticket;

import com.clientservices.desk.web.ApiException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a change to a running ticket in a transaction of its own, and runs it again from the start
 * when the engine finds that another transaction changed the same process meanwhile: a customer's
 * double click on "Send", an SLA timer or a second node firing at that moment. The second run reads
 * the ticket as it now stands, so it either does the work or refuses it with a 4xx that says why;
 * the caller never sees the engine's internal conflict.
 */
@Component
class RetryOnConcurrentChange {

    private static final int ATTEMPTS = 3;

    private final TransactionTemplate transaction;

    RetryOnConcurrentChange(TransactionTemplate transaction) {
        this.transaction = transaction;
    }

    <T> T run(String key, Supplier<T> change) {
        for (var attempt = 1;; attempt++) {
            try {
                return transaction.execute(status -> change.get());
            } catch (OptimisticLockingException e) {
                if (attempt == ATTEMPTS) {
                    throw ApiException.conflict(key + " changed " + ATTEMPTS + " times while your request was being "
                            + "saved, so nothing was saved; reload the ticket and try again");
                }
            }
        }
    }
}
