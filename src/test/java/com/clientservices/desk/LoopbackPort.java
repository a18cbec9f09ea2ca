package com.clientservices.desk;

import java.io.IOException;
import java.net.ServerSocket;

/** A loopback port free at this moment, for a server a test starts (a mail server, a desk node). */
public final class LoopbackPort {

    private LoopbackPort() {}

    public static int free() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
