package com.clientservices.desk.notification;

/** Where messages leave the desk: an SMTP server, or the local outbox of the embedded default. */
interface NotificationChannel {

    String name();

    /** Delivers the message or throws; returns the message id it left with, if any. */
    String deliver(Notifications.Queued message);

    /**
     * Whether a delivered message has left for a system the desk cannot take it back from. Such a message is
     * claimed before it goes and recorded sent at once, each in a transaction of its own ({@link DeliverMessage}).
     */
    default boolean leavesTheDesk() {
        return true;
    }
}
