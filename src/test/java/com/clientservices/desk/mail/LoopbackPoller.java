package com.clientservices.desk.mail;

import com.clientservices.desk.DeskProperties;

/** The desk's poller for a test mailbox on the loopback IMAP server, called by the test instead of the schedule. */
final class LoopbackPoller {

    private LoopbackPoller() {}

    static MailboxPoller of(int imapPort, String mailbox, String password, InboundMailDesk desk) {
        return new MailboxPoller(
                new DeskProperties.InboundMail(
                        false,
                        "127.0.0.1",
                        imapPort,
                        DeskProperties.InboundMail.Protocol.IMAP,
                        mailbox,
                        password,
                        "INBOX",
                        30),
                desk);
    }
}
