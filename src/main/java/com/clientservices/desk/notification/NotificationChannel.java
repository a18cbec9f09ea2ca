package com.clientservices.desk.notification;

/** Where messages leave the desk: an SMTP server, or the local outbox of the embedded default. */
interface NotificationChannel {

    String name();

    /** Delivers the message or throws; returns the message id it left with, if any. */
    String deliver(Notifications.Queued message);
}
