package com.clientservices.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A browser signing in to a Camunda webapp the way its login page does: it opens Tasklist for the
 * session and CSRF cookies, then posts the credentials with the webapp's CSRF token.
 */
public final class WebappBrowser {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final String base;

    public WebappBrowser(int port) {
        this.base = "http://localhost:" + port;
    }

    /** The webapp's answer to the sign-in: 200 with the authentication, or the refusal. */
    public HttpResponse<String> signIn(String user, String password, String app) {
        var page = send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).GET());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        var form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /**
     * A call of the webapp's API in this browser's session, with the webapp's CSRF token as its
     * pages send it, and any further headers (Origin, …).
     */
    public HttpResponse<String> send(String method, String path, String json, Map<String, String> headers) {
        // As the webapps do before a change: a read, which hands the signed-in session its CSRF token.
        send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/"))
                .header("Accept", "application/json")
                .GET());
        var request = HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request);
    }

    /** The value of a cookie the desk set in this browser. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return DeskHttpClient.exchange(client, request);
    }
}
