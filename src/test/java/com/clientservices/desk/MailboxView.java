package com.clientservices.desk;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;

/**
 * The desk's mailbox on a test's own IMAP server (GreenMail), seen as its owner sees it in a mail program: what is
 * still unread in the inbox, and what the desk filed in a folder.
 */
public final class MailboxView {

    /** Reads one message of a folder while it is open. */
    public interface Read<T> {
        T from(Message message) throws MessagingException;
    }

    private final GreenMail server;
    private final String user;
    private final String password;

    public MailboxView(GreenMail server, String user, String password) {
        this.server = server;
        this.user = user;
        this.password = password;
    }

    public int unseenInInbox() throws MessagingException {
        try (var store = server.getImap().createStore()) {
            store.connect(user, password);
            var inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return inbox.getUnreadMessageCount();
            } finally {
                inbox.close(false);
            }
        }
    }

    /** What each message of the folder says, in order; nothing when the folder does not exist. */
    public <T> List<T> folder(String name, Read<T> read) throws MessagingException {
        try (var store = server.getImap().createStore()) {
            store.connect(user, password);
            var folder = store.getFolder(name);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            try {
                var messages = new ArrayList<T>();
                for (var message : folder.getMessages()) {
                    messages.add(read.from(message));
                }
                return messages;
            } finally {
                folder.close(false);
            }
        }
    }

    /** How many messages the folder holds; none when it does not exist. */
    public int count(String name) throws MessagingException {
        return folder(name, message -> message).size();
    }
}
