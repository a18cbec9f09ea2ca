package com.clientservices.desk.notification;

import com.clientservices.desk.DeskProperties;
import com.clientservices.desk.engine.DeferredJobs;
import com.clientservices.desk.engine.DeferredWork;
import com.clientservices.desk.engine.DeferredWork.NotYet;
import com.clientservices.desk.engine.DeskClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one queued message through the configured channel, in a job of its own written with the step
 * that queued the message (docs/specification.md §7): a failing mail server never holds a ticket up or
 * loses a message. A failure leaves it queued and the job is tried again on
 * {@code desk.notifications.retry-cycle}, then becomes an incident. Deliveries run after due SLA timers
 * (0) and the managers' breach handovers (-5).
 *
 * <p>A message is sent once even when its job runs twice: a job held by a busy node past its lock time
 * can be taken by another node (or this node's next look) while the first run is still going, and the
 * first run's commit then fails on the job's revision after its mail has left. So a message that leaves
 * the desk is claimed before it goes and recorded sent as soon as it has gone, each in a transaction of
 * its own: a second run that finds it claimed is due again when the claim expires, without spending a
 * try, and then finds it sent (or, if the first run's send failed, sends it). A message can leave twice
 * only if the desk cannot record it after the mail server took it (the node stops, or the database is
 * out of reach at that moment): its claim then expires and a later try sends it again, with the same
 * Message-ID.
 */
@Component
class DeliverMessage implements DeferredWork {

    /**
     * How long a claim holds off other runs of the same delivery: longer than a send can take (the SMTP
     * time-outs of application-prod.yml are 10 s for the connection and each read and write).
     */
    static final Duration SENDING_CLAIM = Duration.ofMinutes(5);

    private final Notifications notifications;
    private final NotificationChannel channel;
    private final TransactionTemplate separately;
    private final DeskClock clock;
    private final String retryCycle;
    private final Counter failures;
    private final DeferredJobs jobs;

    DeliverMessage(
            Notifications notifications,
            NotificationChannel channel,
            PlatformTransactionManager transactions,
            DeskClock clock,
            DeskProperties properties,
            MeterRegistry metrics,
            DeferredJobs jobs) {
        this.jobs = jobs;
        this.notifications = notifications;
        this.channel = channel;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.retryCycle = properties.notifications().retryCycle();
        this.failures = Counter.builder("desk.notifications.failures")
                .description("Delivery attempts that failed and were left for the engine to retry")
                .tag("channel", channel.name())
                .register(metrics);
        // Messages still waiting to leave, retries and incidents included: the same figure on every node.
        metrics.gauge("desk.notifications.queued", notifications, Notifications::countQueued);
    }

    @Override
    public String name() {
        return "deliver-message";
    }

    @Override
    public long priority() {
        return -10;
    }

    @Override
    public String processDefinitionKey() {
        return null;
    }

    @Override
    public String retryCycle() {
        return retryCycle;
    }

    @Override
    public void run(String notificationId) {
        deliver(Long.parseLong(notificationId));
    }

    void deliver(long id) {
        var message =
                notifications.find(id).orElseThrow(() -> new IllegalStateException("no queued notification " + id));
        if (message.alreadySent()) {
            return;
        }
        if (!channel.leavesTheDesk()) {
            notifications.sent(message, channel.name(), channel.deliver(message));
            return;
        }
        var until = clock.nowUtc().plus(SENDING_CLAIM);
        var claimed = separately.execute(status -> notifications.claim(id, until));
        if (!Boolean.TRUE.equals(claimed)) {
            var now = notifications.find(id).orElseThrow(); // read committed: what the other run has written
            if (now.alreadySent()) {
                return;
            }
            // Claimed by the other run, or released by it a moment ago: due again when it may be claimed.
            var other = now.claimedUntil() == null ? clock.nowUtc() : now.claimedUntil();
            throw new NotYet(
                    other.toInstant(),
                    "notification " + id + " is being sent by another run of its delivery until " + other);
        }
        NotificationChannel.Delivered delivered;
        try {
            delivered = channel.deliver(message);
        } catch (RuntimeException e) {
            failures.increment();
            try {
                separately.executeWithoutResult(status -> notifications.release(id, until));
            } catch (RuntimeException release) {
                e.addSuppressed(release);
            }
            throw e;
        }
        if (delivered.putOff().isEmpty()) {
            separately.executeWithoutResult(status -> notifications.sent(message, channel.name(), delivered));
            return;
        }
        // The server put some addresses off (mailbox full, greylisting): the message is recorded sent, and the
        // same message for them alone is queued with a delivery of its own, in one transaction, so they get it
        // later and nobody gets it twice.
        jobs.inATransactionOfItsOwn(() -> {
            notifications.sent(message, channel.name(), delivered);
            jobs.defer(this, Long.toString(notifications.queueAgainFor(message, delivered.putOff())));
        });
    }
}
