package com.clientservices.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Screenshots and files on a ticket: type checked from the content, size-limited, safe names. */
@DeskTest
class AttachmentApiTest {

    private static final byte[] PNG = Tickets.PNG;

    @Autowired
    DeskHttpClient http;

    String key;

    @BeforeEach
    void uiBugTicket() {
        key = http.post(
                        "spoc-acme",
                        "/api/tickets",
                        "{\"memberId\":1001,\"requestType\":\"UI_API_BUG\",\"subject\":\"Button dead\","
                                + "\"description\":\"d\",\"impact\":\"i\",\"browser\":\"Chrome 131\",\"operatingSystem\":\"macOS 15\"}")
                .json()
                .get("key")
                .asText();
    }

    @Test
    void screenshotIsStoredSatisfiesTheMissingScreenshotAndDownloadsUnchanged() throws Exception {
        assertThat(http.get("spoc-acme", "/api/tickets/" + key)
                        .json()
                        .get("missingInformation")
                        .toString())
                .contains("screenshot");

        var uploaded = upload("spoc-acme", "button.png", "image/png", PNG);

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        var attachment = new ObjectMapper().readTree(uploaded.body());
        assertThat(attachment.get("contentType").asText()).isEqualTo("image/png");
        assertThat(attachment.get("sizeBytes").asLong()).isEqualTo(PNG.length);
        assertThat(http.get("spoc-acme", "/api/tickets/" + key)
                        .json()
                        .get("missingInformation")
                        .toString())
                .doesNotContain("screenshot");
        var download = http.exchange(
                http.request(
                                "cs-agent",
                                uploaded.headers().firstValue("Location").orElseThrow())
                        .GET(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PNG);
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment");
        assertThat(http.get("spoc-globex", "/api/tickets/" + key + "/attachments")
                        .status())
                .as("another member's ticket answers as one that does not exist")
                .isEqualTo(404);
    }

    @Test
    void plainTextLogIsAccepted() throws Exception {
        var response = upload(
                "spoc-acme",
                "console.log",
                "text/plain",
                "GET /ad 500\nGET /ad 500\n".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("text/plain");
    }

    @Test
    void htmlCalledAPngIsRefusedAsUnsupported() throws Exception {
        var response = upload(
                "spoc-acme",
                "shot.png",
                "image/png",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("\"field\":\"file\"");
        var executable = new byte[64];
        executable[0] = 'M';
        executable[1] = 'Z';
        assertThat(upload("spoc-acme", "tool.exe", "application/octet-stream", executable)
                        .statusCode())
                .isEqualTo(415);
    }

    @ParameterizedTest(name = "file name \"{0}\" is refused")
    @ValueSource(
            strings = {"../../etc/passwd.png", "..\\\\windows\\\\shot.png", "dir/shot.png", ".hidden.png", "a..b.png"})
    void pathsInFileNamesAreRefused(String name) throws Exception {
        var response = upload("spoc-acme", name, "image/png", PNG);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"file\"");
        assertThat(http.get("spoc-acme", "/api/tickets/" + key + "/attachments").json())
                .isEmpty();
    }

    @Test
    void oversizeEmptyForeignAndUnauthenticatedUploadsAreRefused() throws Exception {
        var big = Arrays.copyOf(PNG, 6 * 1024 * 1024);
        assertThat(upload("spoc-acme", "big.png", "image/png", big).statusCode())
                .isEqualTo(413);
        assertThat(upload("spoc-acme", "empty.png", "image/png", new byte[0]).statusCode())
                .isEqualTo(400);
        assertThat(upload("spoc-globex", "button.png", "image/png", PNG).statusCode())
                .isEqualTo(404);
        assertThat(upload("cs-agent", "button.png", "image/png", PNG).statusCode())
                .isEqualTo(403);
        assertThat(upload(null, "button.png", "image/png", PNG).statusCode()).isEqualTo(401);
        assertThat(http.get("spoc-acme", "/api/tickets/" + key + "/attachments").json())
                .isEmpty();
    }

    @Test
    void aTicketTakesTwentyFilesAndNoMore() throws Exception {
        for (var i = 1; i <= 20; i++) {
            var response = upload(
                    "spoc-acme",
                    "console-" + i + ".log",
                    "text/plain",
                    ("GET /ad 500 #" + i + "\n").getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }

        var refused =
                upload("spoc-acme", "console-21.log", "text/plain", "GET /ad 500\n".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("at most 20 files").contains("\"field\":\"file\"");
        assertThat(http.get("spoc-acme", "/api/tickets/" + key + "/attachments").json())
                .hasSize(20);
    }

    @Test
    void aTicketTakesFiftyMegabytesInAllAndNoMore() throws Exception {
        var fiveMillionBytes = Arrays.copyOf(PNG, 5_000_000);
        for (var i = 1; i <= 10; i++) {
            assertThat(upload("spoc-acme", "shot-" + i + ".png", "image/png", fiveMillionBytes)
                            .statusCode())
                    .isEqualTo(201);
        }

        assertThat(upload("spoc-acme", "shot-11.png", "image/png", fiveMillionBytes)
                        .statusCode())
                .as("55,000,000 bytes are more than 50 MB")
                .isEqualTo(413);
        assertThat(upload("spoc-acme", "small.png", "image/png", Arrays.copyOf(PNG, 2_000_000))
                        .statusCode())
                .as("52,000,000 bytes still fit in 52,428,800")
                .isEqualTo(201);
        assertThat(upload("spoc-acme", "one-more.png", "image/png", Arrays.copyOf(PNG, 1_000_000))
                        .statusCode())
                .isEqualTo(413);
        assertThat(http.get("spoc-acme", "/api/tickets/" + key + "/attachments").json())
                .hasSize(11);
    }

    @RepeatedTest(3)
    void twoUploadsAtOnceCannotPassTheLimitTogether() throws Exception {
        for (var i = 1; i <= 19; i++) {
            assertThat(upload(
                                    "spoc-acme",
                                    "console-" + i + ".log",
                                    "text/plain",
                                    "x\n".getBytes(StandardCharsets.UTF_8))
                            .statusCode())
                    .isEqualTo(201);
        }
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var answers = new ArrayList<Future<Integer>>();
            for (var name : List.of("left.log", "right.log")) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return upload("spoc-acme", name, "text/plain", "y\n".getBytes(StandardCharsets.UTF_8))
                            .statusCode();
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 413);
        } finally {
            pool.shutdownNow();
        }
        assertThat(http.get("spoc-acme", "/api/tickets/" + key + "/attachments").json())
                .hasSize(20);
    }

    private HttpResponse<String> upload(String user, String fileName, String contentType, byte[] content) {
        return http.attach(user, key, fileName, contentType, content);
    }
}
