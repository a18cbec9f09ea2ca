package com.clientservices.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tickets as the HTTP tests need them: a valid request body, a submitted ticket, and tickets moved
 * on by the agent over the engine REST API to the state a test starts from. The tickets are Acme's
 * (member 1001, contact spoc-acme) and Client Services' (worked by cs-agent) unless a test says otherwise.
 */
public final class Tickets {

    public static final String CONTACT = "spoc-acme";
    public static final long MEMBER = 1001;
    public static final String AGENT = "cs-agent";
    private static final String TICKETS = "/api/tickets";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMERGENCY = ",\"emergency\":true,\"emergencyPhone\":\"+1 212 555 0100\","
            + "\"emergencyCriteria\":[\"SIGNIFICANT_FINANCIAL_LOSS\"]";

    private Tickets() {}

    /** A valid ad-serving ticket of Acme with that subject, as a customer's tool posts it. */
    /** A one-pixel PNG: a screenshot as far as the desk can tell. */
    public static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static String valid(String subject) {
        return valid(MEMBER, "AD_SERVING", subject);
    }

    /** A valid ticket of that member and request type with that subject. */
    public static String valid(long member, String requestType, String subject) {
        return """
                {"memberId":%d,"requestType":"%s","subject":"%s",
                 "description":"Placement 5512 shows blanks","impact":"Lost impressions"}""".formatted(member, requestType, subject);
    }

    /** A valid emergency of Acme of that request type, with a phone and one criterion. */
    public static String emergency(String requestType, String subject) {
        var standard = valid(MEMBER, requestType, subject);
        return standard.substring(0, standard.length() - 1) + EMERGENCY + "}";
    }

    /** The fields of {@link #valid(long, String, String)}, for a test to add, change or take some away. */
    public static Map<String, Object> request(long member, String requestType, String subject) {
        try {
            return JSON.readValue(
                    valid(member, requestType, subject), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request's fields as the JSON body a customer's tool posts. */
    public static String json(Object request) {
        try {
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Submits the body as the contact; anything but 201 fails the test. The answer, the created ticket. */
    public static JsonNode created(DeskHttpClient http, String contact, String body) {
        var created = http.post(contact, TICKETS, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** Submits the body as the contact; anything but 201 fails the test. The new ticket's key. */
    public static String submit(DeskHttpClient http, String contact, String body) {
        return created(http, contact, body).path("key").asText();
    }

    /** Submits a valid ticket of that member and request type as the contact. The new ticket's key. */
    public static String submit(DeskHttpClient http, String contact, long member, String requestType, String subject) {
        return submit(http, contact, valid(member, requestType, subject));
    }

    /**
     * Submits a valid ticket as the contact, whichever way the desk routes it: anything but 201 (a
     * team's ticket) or 202 (handed to the account representative) fails the test. The new ticket's key.
     */
    public static String routed(DeskHttpClient http, String contact, long member, String requestType, String subject) {
        var response = http.post(contact, TICKETS, valid(member, requestType, subject));
        assertThat(response.status()).as(response.body()).isIn(201, 202);
        return response.json().path("key").asText();
    }

    /** Submits Acme's valid ad-serving ticket with that subject. The new ticket's key. */
    public static String submit(DeskHttpClient http, String subject) {
        return submit(http, CONTACT, valid(subject));
    }

    /** The agent acknowledges the ticket and asks the customer that question: WAITING_ON_CUSTOMER. */
    public static String waitingOnCustomer(DeskHttpClient http, String key, String question) {
        return diagnosed(
                http,
                key,
                "{\"diagnosisOutcome\":{\"value\":\"NEED_CUSTOMER_INFO\"}," + "\"customerQuestions\":{\"value\":\""
                        + question + "\"}}",
                "WAITING_ON_CUSTOMER");
    }

    /** The agent acknowledges the ticket and hands it to engineering under that bug: WAITING_ON_ENGINEERING. */
    public static String waitingOnEngineering(DeskHttpClient http, String key, String bug) {
        return diagnosed(
                http,
                key,
                "{\"diagnosisOutcome\":{\"value\":\"ENGINEERING_FIX\"}," + "\"engineeringBugId\":{\"value\":\"" + bug
                        + "\"}}",
                "WAITING_ON_ENGINEERING");
    }

    /** The agent acknowledges the ticket and resolves it with that summary: CLOSED. */
    public static String closed(DeskHttpClient http, String key, String summary) {
        return diagnosed(
                http,
                key,
                "{\"diagnosisOutcome\":{\"value\":\"RESOLVED\"}," + "\"resolutionSummary\":{\"value\":\"" + summary
                        + "\"}}",
                "CLOSED");
    }

    /** The ticket's status as its contact reads it. */
    public static String status(DeskHttpClient http, String key) {
        return http.get(CONTACT, TICKETS + "/" + key).json().path("status").asText();
    }

    private static String diagnosed(DeskHttpClient http, String key, String diagnosis, String status) {
        http.completeTask(AGENT, key, "Task_AcknowledgeTicket", "{}");
        http.completeTask(AGENT, key, "Task_DiagnoseIssue", diagnosis);
        assertThat(status(http, key)).as(key).isEqualTo(status);
        return key;
    }
}
