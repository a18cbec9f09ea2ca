package com.clientservices.desk.notification;

import com.clientservices.desk.DeskProperties;
import com.clientservices.desk.engine.DeferredWork;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Sends one queued message through the configured channel and marks it sent in the same
 * transaction, in a job of its own written with the step that queued the message (docs/specification.md
 * §7): a failing mail server never holds a ticket up or loses a message. A message already marked sent
 * is not sent again, so a retried job cannot repeat a message that has left; a failure leaves it queued
 * and the job is tried again on {@code desk.notifications.retry-cycle}, then becomes an incident.
 * Deliveries run after due SLA timers (0) and the managers' breach handovers (-5).
 */
@Component
class DeliverMessage implements DeferredWork {

    private final Notifications notifications;
    private final NotificationChannel channel;
    private final String retryCycle;
    private final Counter failures;

    DeliverMessage(
            Notifications notifications,
            NotificationChannel channel,
            DeskProperties properties,
            MeterRegistry metrics) {
        this.notifications = notifications;
        this.channel = channel;
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
        String messageId;
        try {
            messageId = channel.deliver(message);
        } catch (RuntimeException e) {
            failures.increment();
            throw e;
        }
        notifications.sent(message, channel.name(), messageId);
    }
}
