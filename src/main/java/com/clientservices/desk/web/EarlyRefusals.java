package com.clientservices.desk.web;

import com.clientservices.desk.refusal.FieldProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request to an API refused before any of the desk's code runs still gets the API's kind of
 * answer, application/problem+json (docs/specification.md §9): an address the security firewall will not route
 * ("..", ";", "//", an encoded "." or "/") and one the web server itself refuses (an encoded "/"
 * or NUL byte). Other addresses keep the plain error page. Either way the answer is a 400, never
 * a 500 with the server's internal message.
 */
@Configuration
class EarlyRefusals {

    /** The same rules as Spring Security's own firewall, which runs later (see {@link #firewallFirst}). */
    private static final HttpFirewall FIREWALL = new StrictHttpFirewall();

    @Bean
    RequestRejectedHandler problemForRejectedApiAddresses(Problems problems) {
        var plain = new HttpStatusRequestRejectedHandler();
        return (request, response, e) -> {
            if (!ApiPaths.isApi(request.getRequestURI())) {
                plain.handle(request, response, e);
                return;
            }
            problems.write(response, badAddress(e.getMessage()));
        };
    }

    /**
     * Applies the firewall before anything reads the address: Spring Security parses the path for
     * its request matchers before its own firewall runs, and fails with a 500 on an address such as
     * {@code /engine-rest;/task} or {@code //engine-rest/task}.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> firewallFirst(RequestRejectedHandler rejected) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    FIREWALL.getFirewalledRequest(request);
                } catch (RequestRejectedException e) {
                    rejected.handle(request, response, e);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemForApiAddressesTheServerRefuses(
            Problems problems) {
        return factory -> factory.addContextCustomizers(
                context -> context.getParent().getPipeline().addValve(new ApiErrorReportValve(problems)));
    }

    private static ProblemDetail badAddress(String reason) {
        return Problems.problem(
                HttpStatus.BAD_REQUEST,
                "The request's address is not acceptable: " + reason,
                List.of(new FieldProblem(
                        "path", "has '..', ';', '//', an encoded '/' or '\\' or a control character")));
    }

    /** Writes the server's own refusals of API addresses as problem+json; leaves other addresses alone. */
    static final class ApiErrorReportValve extends ErrorReportValve {

        private final Problems problems;

        ApiErrorReportValve(Problems problems) {
            this.problems = problems;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            var uri = request.getRequestURI();
            var status = HttpStatus.resolve(response.getStatus());
            if (!ApiPaths.isApi(uri)
                    || status == null
                    || !status.isError()
                    || response.getContentWritten() > 0
                    || !response.setErrorReported()) {
                return;
            }
            try {
                var writer = response.getReporter();
                if (writer == null) {
                    return;
                }
                var problem = status == HttpStatus.BAD_REQUEST
                        ? badAddress("the server refused it")
                        : Problems.problem(status, status.getReasonPhrase(), List.of());
                problems.write(response, writer, problem);
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // The client has gone or the response was already on its way: nothing more to tell.
            }
        }
    }
}
