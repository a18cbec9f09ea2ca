package com.clientservices.desk;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A test mail server on the loopback address. GreenMail gives a server 2 s to come up, which a
 * busy 2-core machine running the whole suite can miss; these get 20 s.
 */
public final class LoopbackMailServer {

    private static final long STARTUP_TIMEOUT_MILLIS = 20_000;

    private LoopbackMailServer() {}

    /** One protocol ({@link ServerSetup#PROTOCOL_SMTP}, {@link ServerSetup#PROTOCOL_IMAP}) on that port. */
    public static GreenMail of(int port, String protocol) {
        return new GreenMail(setup(port, protocol));
    }

    /** SMTP and IMAP together, as a mail provider serves them. */
    public static GreenMail smtpAndImap(int smtpPort, int imapPort) {
        return new GreenMail(new ServerSetup[] {
            setup(smtpPort, ServerSetup.PROTOCOL_SMTP), setup(imapPort, ServerSetup.PROTOCOL_IMAP)
        });
    }

    private static ServerSetup setup(int port, String protocol) {
        var setup = new ServerSetup(port, "127.0.0.1", protocol);
        setup.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
        return setup;
    }
}
