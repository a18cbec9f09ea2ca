package com.clientservices.desk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every error answer of the engine REST API, at /engine-rest and in the webapps under
 * /camunda/api, is application/problem+json without the engine's internals (docs/specification.md §8). The engine
 * answers {@code {"type":"InvalidRequestException","message":…}}, and a 500 carries the text of
 * whatever failed; the webapps' own filters answer with the server's error page.
 *
 * <p>This filter stands in front of all of it, so that whatever produces the error (the engine's
 * exception mappers, Jersey's own 404 and 405, the webapps' authentication and CSRF filters, the
 * desk's security) is answered alike. It holds back an answer of status 400 or more and writes
 * instead a problem with {@code type}, {@code title}, {@code status} and {@code detail}, and
 * {@code message} equal to {@code detail}, which is what Tasklist, Cockpit and Camunda Modeler
 * show:
 * <ul>
 * <li>4xx: the engine's message for people, without Java class names or the engine's log codes;
 * a deployment's parse errors keep their {@code details} (resources, element ids, lines, reasons)
 * for Camunda Modeler, and an engine error {@code code} stays;
 * <li>5xx: "quote error &lt;id&gt; to support", the exception in the log under that id.
 * </ul>
 * Success answers pass through untouched. An answer written after the request went asynchronous
 * (the external task long poll) passes through too: by then this filter has returned.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 60)
class EngineApiProblems extends OncePerRequestFilter {

    /** Where {@link EngineApiFailures} leaves the exception the engine REST API failed with. */
    static final String FAILURE = EngineApiProblems.class.getName() + ".failure";

    static final String SIGN_IN_FAILED =
            "Wrong user name or password. Customer contacts sign in to the support portal instead.";
    static final String NO_ACCESS = "Your account has no access to this application.";
    private static final Pattern WEBAPP_SIGN_IN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

    private static final Map<Integer, String> PLAIN = Map.of(
            400, "The request is not one the engine can take",
            401, "Sign in with your desk user name and password",
            403, "You may not do this",
            404, "There is nothing at this address",
            405, "This address does not take this method",
            415, "The engine does not read this content type");

    private final Problems problems;
    private final ObjectMapper json;

    EngineApiProblems(Problems problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.isEngineApi(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var answer = new HeldErrorAnswer(response);
        try {
            chain.doFilter(request, answer);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            answer.failed(e);
        }
        if (request.isAsyncStarted()) {
            answer.passThrough();
            return;
        }
        if (answer.held() && !response.isCommitted()) {
            response.resetBuffer();
            problems.write(response, problem(request, answer));
        }
    }

    private ProblemDetail problem(HttpServletRequest request, HeldErrorAnswer answer) {
        var status = HttpStatusCode.valueOf(answer.status());
        var original = parse(answer.body());
        if (status.is5xxServerError()) {
            var failure = answer.failure() != null ? answer.failure() : (Throwable) request.getAttribute(FAILURE);
            var problem = Problems.unforeseen(
                    request.getMethod(),
                    request.getRequestURI(),
                    failure,
                    answer.status() + " " + answer.bodyText()
                            + (answer.errorMessage() == null ? "" : " " + answer.errorMessage()));
            problem.setStatus(status.value());
            problem.setTitle(title(status));
            problem.setProperty("message", problem.getDetail());
            return problem;
        }
        var message =
                EngineMessages.forPeople(text(original, "detail", text(original, "message", answer.errorMessage())));
        // Jersey's and the server's own texts ("HTTP 404 Not Found", "Unauthorized") say no more than the status.
        if (message.isBlank() || message.matches("HTTP \\d{3}.*") || message.equalsIgnoreCase(title(status))) {
            message = plain(
                    status.value(),
                    WEBAPP_SIGN_IN.matcher(request.getRequestURI()).matches());
        }
        var problem = Problems.problem(status, message, List.of());
        problem.setTitle(title(status));
        problem.setProperty("message", message);
        if (original != null) {
            if (original.path("details").isObject()) {
                problem.setProperty("details", EngineMessages.forPeople(original.get("details")));
            }
            if (original.path("errors").isArray()) {
                problem.setProperty("errors", EngineMessages.forPeople(original.get("errors")));
            }
            if (original.path("code").isIntegralNumber()) {
                problem.setProperty("code", original.get("code").intValue());
            }
        }
        return problem;
    }

    private static String plain(int status, boolean signIn) {
        if (signIn && status == 401) {
            return SIGN_IN_FAILED;
        }
        if (signIn && status == 403) {
            return NO_ACCESS;
        }
        return PLAIN.getOrDefault(status, title(HttpStatusCode.valueOf(status)));
    }

    private static String title(HttpStatusCode status) {
        var known = HttpStatus.resolve(status.value());
        return known == null ? "Error " + status.value() : known.getReasonPhrase();
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            var node = json.readTree(body);
            return node instanceof ObjectNode ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field, String otherwise) {
        if (node != null
                && node.get(field) instanceof TextNode text
                && !text.asText().isBlank()) {
            return text.asText();
        }
        return otherwise == null ? "" : otherwise;
    }
}
