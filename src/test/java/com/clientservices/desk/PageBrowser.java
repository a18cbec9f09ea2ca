package com.clientservices.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The desk's pages (portal, audit, board) as a browser without JavaScript uses them: a session cookie from the sign-in form, forms posted with their CSRF token. */
public final class PageBrowser {

    /** What a browser's navigation asks for. */
    private static final String PAGE = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final DeskHttpClient http;
    private final HttpClient browser;

    private PageBrowser(DeskHttpClient http) {
        this.http = http;
        this.browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    /** Signed in with the demo password; a refused sign-in fails the test. */
    public static PageBrowser signIn(DeskHttpClient http, String user) throws Exception {
        var browser = new PageBrowser(http);
        var login = browser.post(
                "/login",
                DeskHttpClient.csrfToken(browser.get("/login").body()),
                fields("username", user, "password", "demo"));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    public static Map<String, String> fields(String... pairs) {
        var fields = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(http.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As a browser opens an address: asking for a page (Accept: text/html), as every navigation does. */
    public HttpResponse<String> open(String path) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(http.uri(path))
                        .header("Accept", PAGE)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A ticket page's "Attach" form, as the browser posts it: one file in the part "file", asking for a page. */
    public HttpResponse<String> attachFromPage(String key, String fileName, byte[] content) throws Exception {
        var csrf = DeskHttpClient.csrfToken(get("/portal/tickets/" + key).body());
        return multipart(
                "/portal/tickets/" + key + "/attachments",
                csrf,
                Map.of(),
                "file",
                "image/png",
                Map.of(fileName, content));
    }

    public HttpResponse<byte[]> download(String path) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(http.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, String csrf, Map<String, String> fields) throws Exception {
        var all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        var body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(
                HttpRequest.newBuilder(http.uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // As a browser sends the new-request form: its fields, then each file in the part "files".
    public HttpResponse<String> postMultipart(
            String path, String csrf, Map<String, String> fields, Map<String, byte[]> files) throws Exception {
        var all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        return multipart(path, csrf, all, "files", "application/octet-stream", files);
    }

    // A multipart form as a browser posts it, asking for a page: the fields, then each file in that part.
    private HttpResponse<String> multipart(
            String path,
            String csrf,
            Map<String, String> fields,
            String part,
            String contentType,
            Map<String, byte[]> files)
            throws Exception {
        var boundary = "----portal" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                            + name + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.send(
                HttpRequest.newBuilder(http.uri(path + "?_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                        .header("Accept", PAGE)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the ticket page's reply form, as the button does; the answer is the redirect back to the page. */
    public HttpResponse<String> reply(String key, String message) throws Exception {
        var page = get("/portal/tickets/" + key);
        return post(
                "/portal/tickets/" + key + "/replies",
                DeskHttpClient.csrfToken(page.body()),
                fields("message", message));
    }
}
