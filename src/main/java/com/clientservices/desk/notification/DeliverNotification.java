package com.clientservices.desk.notification;

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

    DeliverNotification(Notifications notifications, NotificationChannel channel) {
        this.notifications = notifications;
        this.channel = channel;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var id = ((Number) execution.getVariable("notificationId")).longValue();
        var message = notifications.find(id).orElseThrow(() -> new IllegalStateException("no queued notification " + id));
        if (message.alreadySent()) {
            return;
        }
        var messageId = channel.deliver(message);
        notifications.sent(message, channel.name(), messageId);
    }
}
