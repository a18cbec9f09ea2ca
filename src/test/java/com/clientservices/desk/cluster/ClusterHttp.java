package com.clientservices.desk.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** HTTP calls to one node of the cluster as a user with a password. */
final class ClusterHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ClusterHttp() {}

    record Answer(int status, String body, HttpResponse<String> response) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    static Answer get(DeskNode node, String user, String password, String path) throws IOException {
        return send(
                node,
                user,
                password,
                HttpRequest.newBuilder(URI.create(node.base() + path)).GET());
    }

    static Answer send(DeskNode node, String user, String password, String method, String path, String json)
            throws IOException {
        return send(
                node,
                user,
                password,
                HttpRequest.newBuilder(URI.create(node.base() + path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /**
     * A valid request from a member's contact: a standard ticket, or an emergency, whose
     * acknowledgement warning always applies (15 minutes before a wall-clock hour; a standard
     * ticket submitted out of hours is due at opening with no warning, docs/specification.md §6).
     */
    static Answer submitTicket(DeskNode node, String user, String password, long member, boolean emergency)
            throws IOException {
        var urgent = emergency
                ? ",\"emergency\":true,\"emergencyPhone\":\"+1 212 555 0100\",\"emergencyCriteria\":[\"SIGNIFICANT_FINANCIAL_LOSS\"]"
                : "";
        return send(node, user, password, "POST", "/api/tickets", """
                {"memberId":%d,"requestType":"AD_SERVING","subject":"Blank placements on the homepage",
                 "description":"Placement 5512 shows blanks","impact":"Lost revenue",
                 "objectIds":["5512"],"environment":{"placementId":"5512"},"stepsToReproduce":"Open the homepage"%s}
                """.formatted(member, urgent));
    }

    static Answer send(DeskNode node, String user, String password, HttpRequest.Builder request) throws IOException {
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            var response =
                    CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
