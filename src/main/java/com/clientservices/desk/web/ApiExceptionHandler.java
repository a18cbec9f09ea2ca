package com.clientservices.desk.web;

import com.clientservices.desk.refusal.Conflict;
import com.clientservices.desk.refusal.FieldProblem;
import com.clientservices.desk.refusal.Invalid;
import com.clientservices.desk.refusal.NotAllowed;
import com.clientservices.desk.refusal.NotFound;
import com.clientservices.desk.refusal.Refusal;
import com.clientservices.desk.refusal.TooLarge;
import com.clientservices.desk.refusal.UnsupportedContent;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.WebUtils;

/**
 * Every error of the API as application/problem+json; a bad request lists each bad field under
 * {@code errors} so that a form can show the message next to its field. Not limited to the desk's
 * controllers: a request refused before any controller is chosen (wrong content type, method not
 * allowed) gets the same kind of answer.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final long MEGABYTE = DataSize.ofMegabytes(1).toBytes();
    /** The portal's form for a file on a ticket, and the ticket's page it belongs to. */
    private static final Pattern TICKET_PAGE_UPLOAD = Pattern.compile("(/portal/tickets/[A-Za-z0-9-]+)/attachments");

    /** What each kind of refusal is in HTTP; the features that refuse do not know. */
    private static final Map<Class<? extends Refusal>, HttpStatus> REFUSALS = Map.of(
            NotFound.class, HttpStatus.NOT_FOUND,
            NotAllowed.class, HttpStatus.FORBIDDEN,
            Invalid.class, HttpStatus.BAD_REQUEST,
            Conflict.class, HttpStatus.CONFLICT,
            TooLarge.class, HttpStatus.PAYLOAD_TOO_LARGE,
            UnsupportedContent.class, HttpStatus.UNSUPPORTED_MEDIA_TYPE);

    /** The largest file an upload may carry, as the multipart configuration says (spring.servlet.multipart.max-file-size). */
    private final DataSize maxFileSize;
    /** The most a whole upload may carry (spring.servlet.multipart.max-request-size). */
    private final DataSize maxRequestSize;

    @Autowired
    ApiExceptionHandler(MultipartProperties multipart) {
        this.maxFileSize = multipart.getMaxFileSize();
        this.maxRequestSize = multipart.getMaxRequestSize();
    }

    /** With Spring Boot's default multipart limits, for a handler made outside the application. */
    ApiExceptionHandler() {
        this(new MultipartProperties());
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> handle(Refusal e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (isPage(request)) {
            return errorPage(response, REFUSALS.get(e.getClass()), inWords(e));
        }
        return handle(e);
    }

    /** The API's answer to a refusal. */
    ResponseEntity<ProblemDetail> handle(Refusal e) {
        var status = REFUSALS.get(e.getClass());
        return ResponseEntity.status(status).body(problem(status, e.getMessage(), e.problems()));
    }

    /**
     * A person's browser asking for a page, not a script asking for data: it gets the error page in
     * words (templates/error.html), never problem+json to read.
     */
    private static boolean isPage(HttpServletRequest request) {
        var accept = request.getHeader(HttpHeaders.ACCEPT);
        return !ApiPaths.isApi(request.getRequestURI()) && accept != null && accept.contains("text/html");
    }

    /** The container's error page with the status and the message (server.error.include-message). */
    private static <T> ResponseEntity<T> errorPage(HttpServletResponse response, HttpStatus status, String message)
            throws IOException {
        response.sendError(status.value(), message);
        return null;
    }

    /** What was refused, as a sentence: each field's problem, or the refusal's own words. */
    private static String inWords(Refusal e) {
        return e.problems().isEmpty()
                ? e.getMessage()
                : e.problems().stream()
                        .map(problem -> problem.field() + " " + problem.message())
                        .collect(Collectors.joining("; "));
    }

    /**
     * A failure nobody planned for, on the API: the caller gets problem+json with an error id to quote
     * to support, and the log has the exception under that id. Its message stays in the log, since it
     * can carry SQL and the engine's internals. Pages keep the error page.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e, HttpServletRequest request) throws Exception {
        if (!ApiPaths.isApi(request.getRequestURI())
                || AnnotatedElementUtils.hasAnnotation(e.getClass(), ResponseStatus.class)) {
            throw e;
        }
        return ResponseEntity.internalServerError()
                .body(Problems.unforeseen(request.getMethod(), request.getRequestURI(), e, null));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handle(MethodArgumentTypeMismatchException e) {
        var field = new FieldProblem(e.getName(), "is not a valid value: " + e.getValue());
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "Invalid request: " + e.getName(), List.of(field)));
    }

    /** A multipart body that cannot be read at all (no boundary, a control character in a file name, …). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> handle(MultipartException e) {
        var field = new FieldProblem("file", "is not in a well-formed multipart/form-data body");
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "The upload is not a well-formed multipart/form-data body",
                        List.of(field)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            var field = path(mapping);
            var message = mapping instanceof InvalidFormatException invalid
                    ? "has the wrong type: " + invalid.getValue() + " is not a " + simpleName(invalid.getTargetType())
                    : mapping instanceof MismatchedInputException mismatch
                            ? "has the wrong type: expected " + simpleName(mismatch.getTargetType())
                            : "is not a valid value (out of range or of the wrong type)";
            return ResponseEntity.badRequest()
                    .body(problem(
                            HttpStatus.BAD_REQUEST,
                            "Invalid request: " + field,
                            List.of(new FieldProblem(field, message))));
        }
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "The request body is not well-formed JSON",
                        List.of(new FieldProblem("body", "is not well-formed JSON"))));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && isPage(servlet.getRequest())) {
            return tooLargeForAPage(e, servlet.getRequest(), servlet.getResponse());
        }
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(problem(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        "The file is larger than the upload limit",
                        List.of(new FieldProblem("file", "is larger than " + shown(maxFileSize)))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var field = new FieldProblem(e.getParameterName(), "is required");
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "Invalid request: " + e.getParameterName(), List.of(field)));
    }

    /**
     * A file over the limit, sent from a page: from a ticket's page the customer is taken back to it
     * with the reason below its form, as for every other refused file; from elsewhere the error page.
     */
    private ResponseEntity<Object> tooLargeForAPage(
            MaxUploadSizeExceededException tooLarge, HttpServletRequest request, HttpServletResponse response) {
        var ticketPage = TICKET_PAGE_UPLOAD.matcher(request.getRequestURI());
        if (!ticketPage.matches()) {
            // The new-request form sends several files at once: over either limit, whichever it was.
            var reason = "The files are larger than the desk takes at once (" + shown(maxFileSize) + " each, "
                    + shown(maxRequestSize) + " together). Go back, attach fewer or smaller files, and add the rest"
                    + " on the ticket's page once it is open.";
            // Marks the failed multipart for the error page's own dispatch, which would otherwise read the
            // body again and fail before showing the page.
            request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, tooLarge);
            try {
                return errorPage(response, HttpStatus.PAYLOAD_TOO_LARGE, reason);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        var reason = "The file is larger than " + shown(maxFileSize)
                + ": attach a smaller one (a cropped screenshot, a zipped log), or send a link to it in a reply.";
        var back = request.getContextPath() + ticketPage.group(1);
        RequestContextUtils.getOutputFlashMap(request).put("error", reason);
        RequestContextUtils.saveOutputFlashMap(back, request, response);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(back))
                .build();
    }

    static ProblemDetail problem(HttpStatusCode status, String detail, List<FieldProblem> problems) {
        return Problems.problem(status, detail, problems);
    }

    /** A size as people write it: whole megabytes as "5 MB", anything else in kilobytes. */
    private static String shown(DataSize size) {
        return size.toBytes() % MEGABYTE == 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || type == long.class || type == int.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "object of key/value pairs";
        }
        return type == String.class ? "text" : type.getSimpleName();
    }
}
