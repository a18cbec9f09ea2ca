package com.clientservices.desk.notification;

import java.util.List;

/** Where messages leave the desk: an SMTP server, or the local outbox of the embedded default. */
interface NotificationChannel {

    String name();

    /** Delivers the message or throws; returns the message id it left with, if any, and who did not get it. */
    Delivered deliver(Notifications.Queued message);

    /**
     * Whether a delivered message has left for a system the desk cannot take it back from. Such a message is
     * claimed before it goes and recorded sent at once, each in a transaction of its own ({@link DeliverMessage}).
     */
    default boolean leavesTheDesk() {
        return true;
    }

    /**
     * A message that left: its message id, if it has one, and the addresses the mail server did not take while it
     * took the others (a team's message), so that one bad address does not keep it from everyone.
     *
     * @param refused addresses the server refused for good (no such mailbox): they do not get the message
     * @param putOff  addresses the server put off for now (mailbox full, greylisting): they get it in a message of
     *                their own, tried again on the usual cycle, and nobody else gets it twice
     */
    record Delivered(String messageId, List<String> refused, List<String> putOff) {

        public Delivered {
            refused = List.copyOf(refused);
            putOff = List.copyOf(putOff);
        }

        static Delivered toEveryone(String messageId) {
            return new Delivered(messageId, List.of(), List.of());
        }
    }
}
