package com.clientservices.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskHttpClient.Response;
import com.clientservices.desk.DeskTest;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An address with ";", "//" or an encoded "." aimed at an API (the desk's, the engine REST API,
 * the webapps') is a 400 problem+json for anyone, signed in or not: Spring Security's path
 * matching used to fail on it with a 500 that carried the server's internal message
 * ("Invalid contextPath '/engine-rest' …").
 */
@DeskTest
class MalformedAddressesTest {

    @Autowired
    DeskHttpClient http;

    static Stream<Arguments> malformedAddresses() {
        return Stream.of(
                Arguments.of("/engine-rest;/task"),
                Arguments.of("//engine-rest/task"),
                Arguments.of("/engine-rest/%2e%2e/task"),
                Arguments.of("/engine-rest/task/%2e%2e/task"),
                Arguments.of("/api;x/tickets"),
                Arguments.of("//api/tickets"),
                Arguments.of("/camunda;/api/engine/engine/default/task"),
                Arguments.of("/camunda/api/engine//engine/default/task"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformedAddresses")
    void aMalformedAddressIs400ProblemNeverA500WithTheServersInternals(String path) throws IOException {
        for (var user : new String[] {null, "cs-agent"}) {
            var answer = raw("GET", path, user);

            assertThat(answer.status())
                    .as("%s as %s: %s", path, user, answer.body())
                    .isIn(400, 404);
            assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
            assertThat(answer.body()).doesNotContain("contextPath", "Invalid", "Exception");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"/engine-rest;/task/x/claim", "//engine-rest/task/x/claim"})
    void aMalformedAddressOfAChangeIsRefusedToo(String path) throws IOException {
        var answer = raw("POST", path, "cs-agent");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    // ---------------------------------------------------------------------------------------------

    /** The address exactly as written (java.net.URI would normalize or refuse it), over a plain socket. */
    private Response raw(String method, String path, String user) throws IOException {
        try (var socket = new Socket("localhost", http.port())) {
            var request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + http.port()
                    + "\r\nConnection: close\r\nContent-Length: 0\r\n");
            if (user != null) {
                request.append("Authorization: Basic ")
                        .append(Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                        .append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            var text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            var head = text.substring(0, text.indexOf("\r\n\r\n"));
            var body = text.substring(text.indexOf("\r\n\r\n") + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            var status = Integer.parseInt(head.substring(9, 12));
            var contentType = head.lines()
                    .filter(line -> line.toLowerCase().startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).strip())
                    .findFirst()
                    .orElse("");
            return new Response(status, body, contentType, null);
        }
    }

    private static String unchunk(String chunked) {
        var body = new StringBuilder();
        var rest = chunked;
        while (true) {
            var lineEnd = rest.indexOf("\r\n");
            var size = Integer.parseInt(rest.substring(0, lineEnd).strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(rest, lineEnd + 2, lineEnd + 2 + size);
            rest = rest.substring(lineEnd + 2 + size + 2);
        }
    }
}
