package com.clientservices.desk.web;

import com.clientservices.desk.refusal.FieldProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The desk's one way of answering an error: application/problem+json, built here and written here
 * whenever the answer does not come from a Spring MVC handler (security, filters, the engine REST
 * API). An unforeseen failure gets an error id to quote to support; its exception goes to the log
 * under that id and never into the answer.
 */
@Component
public class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    /** A problem with its detail, and under {@code errors} each bad field when there are any. */
    public static ProblemDetail problem(HttpStatusCode status, String detail, List<FieldProblem> problems) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!problems.isEmpty()) {
            problem.setProperty("errors", problems);
        }
        return problem;
    }

    /**
     * A failure nobody planned for: logged with its exception (or, when only its text is known, with
     * that text) under a fresh error id, answered with the id alone.
     */
    public static ProblemDetail unforeseen(String method, String uri, Throwable failure, String failureText) {
        var id = UUID.randomUUID().toString().substring(0, 8);
        if (failure != null) {
            LOG.error("Error {} answering {} {}", id, method, uri, failure);
        } else {
            LOG.error("Error {} answering {} {}: {}", id, method, uri, failureText);
        }
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The desk could not complete this request. Please try again; " + "if it happens again, quote error "
                        + id + " to support.",
                List.of());
    }

    /** Writes the problem as the whole answer, with its status. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        var body = json.writeValueAsBytes(problem);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /**
     * As {@link #write(HttpServletResponse, ProblemDetail)}, through the writer the web server hands
     * its own error report (its output stream is not to be used there).
     */
    public void write(HttpServletResponse response, Writer writer, ProblemDetail problem) throws IOException {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        writer.write(json.writeValueAsString(problem));
    }
}
