package com.clientservices.desk.notification;

import com.clientservices.desk.engine.ProcessVariables;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends one queued message through the configured channel and marks it sent in the same
 * transaction. A message already marked sent is not sent again, so a retried delivery cannot
 * repeat a message that has left; a failure leaves it queued for the engine's next retry.
 */
@Component("deliverNotification")
class DeliverNotification implements JavaDelegate {

    private final Notifications notifications;
    private final NotificationChannel channel;
    private final Counter failures;

    DeliverNotification(Notifications notifications, NotificationChannel channel, MeterRegistry metrics) {
        this.notifications = notifications;
        this.channel = channel;
        this.failures = Counter.builder("desk.notifications.failures")
                .description("Delivery attempts that failed and were left for the engine to retry")
                .tag("channel", channel.name())
                .register(metrics);
        // Messages still waiting to leave, retries and incidents included: the same figure on every node.
        metrics.gauge("desk.notifications.queued", notifications, Notifications::countQueued);
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ProcessVariables.NOTIFICATION_ID.get(execution);
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
