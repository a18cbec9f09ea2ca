package com.clientservices.desk.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An answer other than success that the API gives on purpose, with a message for the caller. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldProblem> problems;

    public ApiException(HttpStatus status, String message) {
        this(status, message, List.of());
    }

    public ApiException(HttpStatus status, String message, List<FieldProblem> problems) {
        super(message);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public static ApiException invalid(List<FieldProblem> problems) {
        var fields = problems.stream().map(FieldProblem::field).distinct().toList();
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request: " + String.join(", ", fields), problems);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message);
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
