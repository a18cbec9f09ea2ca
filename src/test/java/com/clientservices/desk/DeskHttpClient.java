package com.clientservices.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/** Calls the running desk over real HTTP as a given user, the way a customer's tool or a browser would. */
public final class DeskHttpClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]+)\"");
    private static final String DEMO_PASSWORD = "demo";
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String base;

    public DeskHttpClient(int port) {
        this.port = port;
        this.base = "http://localhost:" + port;
    }

    /** The port the desk under test listens on, for clients of its own (browsers, raw sockets). */
    public int port() {
        return port;
    }

    /** The desk's address of that path. */
    public URI uri(String path) {
        return URI.create(base + path);
    }

    /** A request to that path signed in as the user with the demo password, or anonymous for {@code null}. */
    public HttpRequest.Builder request(String user, String path) {
        var request = HttpRequest.newBuilder(uri(path));
        if (user != null) {
            request.header("Authorization", basic(user, DEMO_PASSWORD));
        }
        return request;
    }

    /** Sends a request built by the test (bytes, odd headers) and reads the whole answer. */
    public <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As {@link #exchange(HttpRequest.Builder, HttpResponse.BodyHandler)}, reading the answer as text. */
    public HttpResponse<String> exchange(HttpRequest.Builder request) {
        return exchange(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a Basic Authorization header for that user and password. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Any method, with a JSON body or none. */
    public Response send(String user, String method, String path, String json) {
        return send(user, method, path, json, "application/json");
    }

    public Response send(String user, String method, String path, String body, String contentType) {
        var publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        return send(
                user,
                "demo",
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", contentType)
                        .method(method, publisher));
    }

    /** As {@link #send(String, String, String, String, String)}, with more headers (Origin, Sec-Fetch-Site, …). */
    public Response send(
            String user, String method, String path, String body, String contentType, Map<String, String> headers) {
        var publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create(base + path)).method(method, publisher);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(user, DEMO_PASSWORD, request);
    }

    /**
     * The agent completes the ticket's one open task of that definition through the engine API, as
     * Tasklist would; anything but 204 fails the test with the engine's answer.
     */
    public void completeTask(String agent, String key, String taskDefinitionKey, String variables) {
        var completed = post(
                agent,
                "/engine-rest/task/" + taskId(agent, key, taskDefinitionKey) + "/complete",
                "{\"variables\":" + variables + "}");
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    }

    /**
     * The id of the ticket's one open task of that definition, as the user finds it through the
     * engine API; no such task in the user's sight, or more than one, fails the test.
     */
    public String taskId(String user, String key, String taskDefinitionKey) {
        var tasks = get(
                        user,
                        "/engine-rest/task?processInstanceBusinessKey=" + key + "&taskDefinitionKey="
                                + taskDefinitionKey)
                .json();
        assertThat(tasks)
                .as("%s of %s seen by %s", taskDefinitionKey, key, user)
                .hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    /** An agent claims the ticket's task through the engine REST API and completes it with the variables (JSON). */
    public void work(String agent, String key, String taskDefinitionKey, String variables) {
        var id = taskId(agent, key, taskDefinitionKey);
        assertThat(post(agent, "/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + agent + "\"}")
                        .status())
                .isEqualTo(204);
        var done = post(agent, "/engine-rest/task/" + id + "/complete", "{\"variables\":" + variables + "}");
        assertThat(done.status()).as(done.body()).isEqualTo(204);
    }

    /** A multipart/form-data upload of one file, as Camunda Modeler deploys models. */
    public Response upload(String user, String path, String fileName, String content) {
        var boundary = "----desk" + System.nanoTime();
        var body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nupload\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n"
                + "--" + boundary + "--\r\n";
        return send(user, "POST", path, body, "multipart/form-data; boundary=" + boundary);
    }

    /** A file attached to a ticket as the portal and the API take it (multipart/form-data, part "file"). */
    public HttpResponse<String> attach(String user, String key, String fileName, String contentType, byte[] content) {
        var boundary = "----desk" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return exchange(request(user, "/api/tickets/" + key + "/attachments")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** One deployment of several files at once (a model with its forms), each part named by its file. */
    public Response upload(String user, String path, Map<String, String> files) {
        var boundary = "----desk" + System.nanoTime();
        var body = new StringBuilder("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nupload\r\n");
        files.forEach((fileName, content) -> body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(fileName)
                .append("\"; filename=\"")
                .append(fileName)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .append(content)
                .append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return send(user, "POST", path, body.toString(), "multipart/form-data; boundary=" + boundary);
    }

    public Response get(String user, String path, String accept) {
        return send(
                user,
                "demo",
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", accept)
                        .GET());
    }

    public Response get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String user, String path, String json) {
        return post(user, path, json, "application/json");
    }

    public Response post(String user, String path, String body, String contentType) {
        return post(user, DEMO_PASSWORD, path, body, contentType);
    }

    /** As {@link #post(String, String, String, String)}, signing in with another password than the demo one. */
    public Response post(String user, String password, String path, String body, String contentType) {
        return send(
                user,
                password,
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private Response send(String user, HttpRequest.Builder request) {
        return send(user, DEMO_PASSWORD, request);
    }

    private Response send(String user, String password, HttpRequest.Builder request) {
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return Response.of(exchange(request));
    }

    /** Sends the request and reads the answer as text; a failure to talk to the desk fails the test. */
    public static HttpResponse<String> exchange(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token of the desk page's form, as a browser posts it back. */
    public static String csrfToken(String page) {
        var input = CSRF_INPUT.matcher(page);
        if (!input.find()) {
            throw new AssertionError("no CSRF token in the page");
        }
        var value = VALUE.matcher(input.group());
        if (!value.find()) {
            throw new AssertionError("a CSRF input without a value: " + input.group());
        }
        return value.group(1);
    }

    public record Response(int status, String body, String contentType, String location) {

        /** The parts of an answer the tests look at. */
        public static Response of(HttpResponse<String> response) {
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null));
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }
}
