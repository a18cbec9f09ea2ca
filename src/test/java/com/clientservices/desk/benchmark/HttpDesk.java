package com.clientservices.desk.benchmark;

import com.clientservices.desk.cluster.DeskNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/** The packaged desk over HTTP, as its demo users: a contact submits, an agent works the tickets. */
record HttpDesk(DeskNode node) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String TICKET = """
            {"memberId":1001,"requestType":"AD_SERVING","subject":"Blank placements on the homepage",
             "description":"Placement 5512 shows blanks","impact":"Lost revenue",
             "objectIds":["5512"],"environment":{"placementId":"5512"},"stepsToReproduce":"Open the homepage"}""";

    /** A standard request for the Client Services team; the answer 201 with the ticket. */
    HttpResponse<String> submit() throws IOException {
        var created = send("spoc-acme", "POST", "/api/tickets", TICKET);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("intake answered " + created.statusCode() + ": " + created.body());
        }
        return created;
    }

    /** Intake, acknowledgement, diagnosis "resolved", closed; the ticket's key. */
    String fullLifecycle() throws IOException {
        var key = json(submit().body()).get("key").asText();
        close(key);
        return key;
    }

    /** Acknowledgement, diagnosis "resolved", closed. */
    void close(String key) throws IOException {
        complete(
                task(key, "Task_AcknowledgeTicket"), "{\"variables\":{\"acknowledgementNote\":{\"value\":\"On it\"}}}");
        complete(task(key, "Task_DiagnoseIssue"), """
                {"variables":{"diagnosisOutcome":{"value":"RESOLVED"},"resolutionSummary":{"value":"Cache flushed"}}}""");
        var status = json(get("spoc-acme", "/api/tickets/" + key).body())
                .get("status")
                .asText();
        if (!"CLOSED".equals(status)) {
            throw new IllegalStateException(key + " is " + status + " after resolution");
        }
    }

    String key(HttpResponse<String> created) throws IOException {
        return json(created.body()).get("key").asText();
    }

    /** The id of a Tasklist filter the agent may read. */
    String filter(String name) throws IOException {
        var filters =
                json(get("cs-agent", "/engine-rest/filter?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .body());
        return filters.get(0).get("id").asText();
    }

    /** Heap in use right after a full collection, as the desk's metrics report it. */
    double heapAfterGc() throws Exception {
        var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, String.valueOf(node.pid()), "GC.run")
                .inheritIO()
                .start()
                .waitFor();
        var metrics = get("demo", "/actuator/prometheus").body();
        return metrics.lines()
                .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private String task(String key, String definition) throws IOException {
        var tasks = json(get(
                        "cs-agent",
                        "/engine-rest/task?processInstanceBusinessKey=" + key + "&taskDefinitionKey=" + definition)
                .body());
        return tasks.get(0).get("id").asText();
    }

    private void complete(String task, String variables) throws IOException {
        var done = send("cs-agent", "POST", "/engine-rest/task/" + task + "/complete", variables);
        if (done.statusCode() != 204) {
            throw new IllegalStateException(
                    "completing " + task + " answered " + done.statusCode() + ": " + done.body());
        }
    }

    HttpResponse<String> get(String user, String path) throws IOException {
        var response = send(user, "GET", path, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response;
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws IOException {
        var request = HttpRequest.newBuilder(URI.create(node.base() + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }
}
