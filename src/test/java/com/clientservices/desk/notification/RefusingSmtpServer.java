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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail server on the loopback that refuses some addresses at {@code RCPT TO}, for good as a real one refuses a
 * departed colleague's mailbox ({@code 550}) or for now as it puts off a full one ({@code 452}), and takes the
 * message for everyone else: the recipients it accepted and each message's text are kept for the test to read.
 */
final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Thread serving;

    /** Refuses the address for good. */
    RefusingSmtpServer(String refusedAddress) throws IOException {
        this(Map.of(refusedAddress, "550 5.1.1 No such user here"));
    }

    /** Answers each address's {@code RCPT TO} with its reply, say {@code 452 4.2.2 Mailbox full}. */
    RefusingSmtpServer(Map<String, String> refusals) throws IOException {
        this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        refusals.forEach((address, reply) -> this.refusals.put(address.toLowerCase(Locale.ROOT), reply));
        this.serving = new Thread(this::serve, "refusing-smtp");
        this.serving.setDaemon(true);
        this.serving.start();
    }

    /** From now on takes mail for the address (a full mailbox emptied). */
    void accept(String address) {
        refusals.remove(address.toLowerCase(Locale.ROOT));
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
                if (refusals.containsKey(address)) {
                    reply(out, refusals.get(address));
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
