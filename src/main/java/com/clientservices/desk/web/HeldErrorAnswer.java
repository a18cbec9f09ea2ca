package com.clientservices.desk.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A response that passes a success through and holds back an error answer (status 400 or more,
 * by {@code setStatus} or {@code sendError}) with its body, for {@link EngineApiProblems} to answer
 * in its place. Nothing of a held answer reaches the client: no status, no length, no body, no
 * error page.
 */
final class HeldErrorAnswer extends HttpServletResponseWrapper {

    private static final int MAX_HELD = 1024 * 1024;

    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private boolean holding;
    private boolean passThrough;
    private boolean errorSent;
    private int status = SC_OK;
    private String errorMessage;
    private Throwable failure;
    private ServletOutputStream stream;
    private PrintWriter writer;

    HeldErrorAnswer(HttpServletResponse response) {
        super(response);
    }

    boolean held() {
        return holding;
    }

    int status() {
        return status;
    }

    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return held.toByteArray();
    }

    String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    String errorMessage() {
        return errorMessage;
    }

    Throwable failure() {
        return failure;
    }

    /** The request failed with an exception nothing answered: a 500. */
    void failed(Throwable e) {
        holding = true;
        status = SC_INTERNAL_SERVER_ERROR;
        failure = e;
    }

    /** From now on everything goes to the client as it is written. */
    void passThrough() {
        passThrough = true;
        if (holding && !super.isCommitted()) {
            super.setStatus(status);
        }
    }

    private boolean holdErrors() {
        return !passThrough && !super.isCommitted();
    }

    @Override
    public void setStatus(int sc) {
        if (sc >= 400 && holdErrors()) {
            holding = true;
            status = sc;
            return;
        }
        status = sc;
        super.setStatus(sc);
    }

    @Override
    public int getStatus() {
        return holding ? status : super.getStatus();
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (sc >= 400 && holdErrors()) {
            holding = true;
            errorSent = true;
            status = sc;
            errorMessage = msg;
            return;
        }
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        sendError(sc, null);
    }

    @Override
    public boolean isCommitted() {
        return errorSent || super.isCommitted();
    }

    @Override
    public void setContentLength(int len) {
        if (!holding) {
            super.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!holding) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!(holding && "Content-Length".equalsIgnoreCase(name))) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!(holding && "Content-Length".equalsIgnoreCase(name))) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!holding) {
            super.flushBuffer();
        }
    }

    @Override
    public void resetBuffer() {
        held.reset();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        held.reset();
        holding = false;
        errorSent = false;
        errorMessage = null;
        status = SC_OK;
        super.reset();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new Routed();
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            var encoding = getCharacterEncoding();
            writer = new PrintWriter(new OutputStreamWriter(
                    getOutputStream(), encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding)));
        }
        return writer;
    }

    /** Writes to the held body while an error is held, else to the client. */
    private final class Routed extends ServletOutputStream {

        private ServletOutputStream client;

        private ServletOutputStream client() throws IOException {
            if (client == null) {
                client = HeldErrorAnswer.super.getOutputStream();
            }
            return client;
        }

        @Override
        public void write(int b) throws IOException {
            if (holding && !passThrough) {
                if (held.size() < MAX_HELD) {
                    held.write(b);
                }
            } else {
                client().write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (holding && !passThrough) {
                held.write(b, off, Math.min(len, Math.max(0, MAX_HELD - held.size())));
            } else {
                client().write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!(holding && !passThrough)) {
                client().flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (!(holding && !passThrough)) {
                client().close();
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            try {
                client().setWriteListener(listener);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
