package com.clientservices.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Subjects, names and file names are stored without control characters and bidirectional
 * overrides (docs/specification.md §8): {@code invoice \u202Egnp.exe} must never show as "invoice exe.png", and a
 * subject with a line break or a bell never reaches the subject line of an e-mail. Such text is
 * refused with 400 naming the field, nothing stored and no message queued; letters and emoji of
 * every script, right-to-left ones included, are stored as typed.
 */
@DeskTest
class InvisibleCharactersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = Tickets.valid("Blank placements");
    private static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    private static final String BOUNDARY = "----invisible";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeskHttpClient http;

    @ParameterizedTest(name = "[{index}] subject {0}")
    @ValueSource(
            strings = {
                "invoice \u202Egnp.exe",
                "left-to-right embedding \u202A here",
                "pop \u202C direction",
                "isolate \u2066text\u2069",
                "first strong isolate \u2068",
                "right-to-left mark \u200F",
                "left-to-right mark \u200E",
                "Arabic letter mark \u061C",
                "line\r\nBcc: attacker@evil.example",
                "line\nfeed",
                "bell \u0007",
                "tab\there",
                "escape \u001B[31m red",
                "delete \u007F",
                "next line \u0085 (C1)",
                "line separator \u2028",
                "paragraph \u2029"
            })
    void aSubjectWithAnInvisibleControlOrDirectionCharacterIsRefused(String subject) throws Exception {
        var request = (ObjectNode) JSON.readTree(VALID);
        request.put("subject", subject);
        var tickets = count("ticket");
        var messages = count("notification");

        var answer = http.post("spoc-acme", "/api/tickets", request.toString());

        assertRefused(answer, "subject");
        assertThat(count("ticket")).isEqualTo(tickets);
        assertThat(count("notification")).as("no message, so no mail subject").isEqualTo(messages);
    }

    @ParameterizedTest(name = "[{index}] subject {0}")
    @ValueSource(
            strings = {
                "Blank placements on שלום עולם",
                "مرحبا: ad calls fail",
                "Zürich, Łódź, 東京 😀 👍🏽",
                "Zero\u200Dwidth joiner in 👨‍👩‍👧 emoji"
            })
    void lettersAndEmojiOfAnyScriptAreStoredAsTyped(String subject) throws Exception {
        var request = (ObjectNode) JSON.readTree(VALID);
        request.put("subject", subject);

        var answer = http.post("spoc-acme", "/api/tickets", request.toString());

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        var id = Long.parseLong(answer.json().path("key").asText().substring(3));
        assertThat(jdbc.sql("select subject from ticket where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(subject);
    }

    @ParameterizedTest(name = "[{index}] file {0}")
    @ValueSource(
            strings = {
                "invoice \u202Egnp.exe",
                "shot\u200E.png",
                "isolated \u2067gnp.exe\u2069",
                "two\nlines.png",
                "bell\u0007.png",
                "next line \u0085.png",
                "separator\u2028.png"
            })
    void aFileNameWithAnInvisibleControlOrDirectionCharacterIsRefused(String name) {
        var key = submit();
        var attachments = count("ticket_attachment");

        var answer = upload(key, name);

        assertRefused(answer, "file");
        assertThat(count("ticket_attachment")).isEqualTo(attachments);
    }

    @ParameterizedTest(name = "[{index}] file {0}")
    @ValueSource(strings = {"скриншот.png", "צילום מסך.png", "Bildschirmfoto 😀.png"})
    void aFileNameInAnyScriptIsStoredAsNamed(String name) {
        var key = submit();

        var answer = upload(key, name);

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(jdbc.sql("select file_name from ticket_attachment where ticket_id = :id")
                        .param("id", Long.parseLong(key.substring(3)))
                        .query(String.class)
                        .single())
                .isEqualTo(name);
    }

    @ParameterizedTest(name = "[{index}] member name {0}")
    @ValueSource(
            strings = {"Acme \u202EaideM", "Acme\r\nMedia", "Acme\u0007 Media", "Acme \u2066Media\u2069", "Acme\u200F"})
    void aMemberNameWithAnInvisibleControlOrDirectionCharacterIsRefused(String name) {
        var answer = registerMember(9801, name);

        assertRefused(answer, "name");
        assertThat(jdbc.sql("select count(*) from member where member_id = 9801")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @ParameterizedTest(name = "[{index}] member name {0}")
    @ValueSource(strings = {"Société Générale Médias", "שלום Media", "東京アド 😀"})
    void aMemberNameInAnyScriptIsStoredAsTyped(String name) {
        var answer = registerMember(9802, name);

        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        assertThat(answer.json().path("name").asText()).isEqualTo(name);
    }

    // ---------------------------------------------------------------------------------------------

    private static void assertRefused(DeskHttpClient.Response answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        var fields = StreamSupport.stream(answer.json().path("errors").spliterator(), false)
                .map(error -> error.path("field").asText())
                .toList();
        assertThat(fields).as(answer.body()).contains(field);
    }

    private DeskHttpClient.Response registerMember(long id, String name) {
        var body = JSON.createObjectNode().put("name", name).put("accountRepresentative", "account-rep");
        body.putArray("contacts");
        return http.send("demo", "PUT", "/api/members/" + id, body.toString());
    }

    private String submit() {
        return Tickets.submit(http, "spoc-acme", VALID);
    }

    /** A multipart upload whose file name is sent as UTF-8, as browsers send it. */
    private DeskHttpClient.Response upload(String key, String name) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(PNG);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = http.request("spoc-acme", "/api/tickets/" + key + "/attachments")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return DeskHttpClient.Response.of(http.exchange(request));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
