package com.clientservices.desk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request to the API refused before any of the desk's code runs still gets the API's kind of
 * answer, application/problem+json (SPEC §9): an address the security firewall will not route
 * ("..", ";", "//") and one the web server itself refuses (an encoded "/" or NUL byte). Other
 * addresses keep the plain error page.
 */
@Configuration
class EarlyRefusals {

    private static final String API = "/api/";

    @Bean
    RequestRejectedHandler problemForRejectedApiAddresses(ObjectMapper json) {
        var plain = new HttpStatusRequestRejectedHandler();
        return (request, response, e) -> {
            if (!request.getRequestURI().startsWith(API)) {
                plain.handle(request, response, e);
                return;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), badAddress(e.getMessage()));
        };
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemForApiAddressesTheServerRefuses(ObjectMapper json) {
        return factory -> factory.addContextCustomizers(
                context -> context.getParent().getPipeline().addValve(new ApiErrorReportValve(json)));
    }

    private static Object badAddress(String reason) {
        return ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, "The request's address is not acceptable: " + reason,
                List.of(new FieldProblem("path", "has '..', ';', '//', an encoded '/' or '\\' or a control character")));
    }

    /** Writes the server's own refusals of API addresses as problem+json; leaves other addresses alone. */
    static final class ApiErrorReportValve extends ErrorReportValve {

        private final ObjectMapper json;

        ApiErrorReportValve(ObjectMapper json) {
            this.json = json;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            var uri = request.getRequestURI();
            var status = HttpStatus.resolve(response.getStatus());
            if (uri == null || !uri.startsWith(API) || status == null || !status.isError()
                    || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                var writer = response.getReporter();
                if (writer == null) {
                    return;
                }
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                var problem = status == HttpStatus.BAD_REQUEST ? badAddress("the server refused it")
                        : ApiExceptionHandler.problem(status, status.getReasonPhrase(), List.of());
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // The client has gone or the response was already on its way: nothing more to tell.
            }
        }
    }
}
