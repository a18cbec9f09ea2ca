package com.clientservices.desk.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail server on the loopback that refuses one address at {@code RCPT TO}, as a real one refuses a departed
 * colleague's mailbox, and takes the message for everyone else: the recipients it accepted and each message's
 * text are kept for the test to read.
 */
final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String refused;
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Thread serving;

    RefusingSmtpServer(String refusedAddress) throws IOException {
        this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.refused = refusedAddress.toLowerCase(Locale.ROOT);
        this.serving = new Thread(this::serve, "refusing-smtp");
        this.serving.setDaemon(true);
        this.serving.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The recipients it took a message for. */
    List<String> accepted() {
        return List.copyOf(accepted);
    }

    /** The text of each message it took, headers included. */
    List<String> messages() {
        return List.copyOf(messages);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (var client = socket.accept()) {
                converse(client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) throws IOException {
        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        var out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        reply(out, "220 loopback ESMTP");
        var recipients = new CopyOnWriteArrayList<String>();
        String line;
        while ((line = in.readLine()) != null) {
            var command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 loopback");
            } else if (command.startsWith("MAIL FROM")) {
                recipients.clear();
                reply(out, "250 OK");
            } else if (command.startsWith("RCPT TO")) {
                var address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'))
                        .toLowerCase(Locale.ROOT);
                if (address.equals(refused)) {
                    reply(out, "550 5.1.1 No such user here");
                } else {
                    recipients.add(address);
                    reply(out, "250 OK");
                }
            } else if (command.equals("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                var text = new StringBuilder();
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    text.append(line).append('\n');
                }
                messages.add(text.toString());
                accepted.addAll(recipients);
                reply(out, "250 OK queued");
            } else if (command.equals("RSET") || command.equals("NOOP")) {
                reply(out, "250 OK");
            } else if (command.equals("QUIT")) {
                reply(out, "221 Bye");
                return;
            } else {
                reply(out, "502 Command not implemented");
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
