package com.clientservices.desk.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded default needs no mail server: a message "leaves" into the local outbox, where
 * admins and auditors read it through GET /api/outbox.
 */
@Component
@ConditionalOnProperty(name = "desk.notifications.channel", havingValue = "outbox", matchIfMissing = true)
class LocalOutbox implements NotificationChannel {

    @Override
    public String name() {
        return "OUTBOX";
    }

    /** The outbox is the desk's own table: it is "sent" in the delivery job's transaction, or not at all. */
    @Override
    public boolean leavesTheDesk() {
        return false;
    }

    @Override
    public Delivered deliver(Notifications.Queued message) {
        return Delivered.toEveryone(null);
    }
}
