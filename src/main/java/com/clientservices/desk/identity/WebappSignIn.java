package com.clientservices.desk.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sign-in to the Camunda webapps (POST /camunda/api/admin/auth/user/{engine}/login/{app}).
 *
 * <p>Customers never use the engine (docs/specification.md §8): the webapps refuse their sign-in, even to the
 * "welcome" application every user may open, whose session would reach the webapps' engine API.
 *
 * <p>A failed sign-in tells nobody whether the account exists or what kind it is. A wrong
 * password, an unknown user, a locked account and a customer's account with any password all get
 * the same answer, 401 with the same body (written by the engine API's problem answers): a
 * customer's sign-in is passed to the webapp without its password, so it takes the very path of
 * a wrong password, the webapp's CSRF check included, and the engine still counts a customer's
 * wrong password against the account like anyone's. Only with the right password does a member of
 * staff learn that the application is not theirs (403): the desk's API tells anyone with the right
 * password as much.
 *
 * <p>Every failure is counted for the address's sign-in throttle ({@link SignInThrottle}).
 */
@Configuration(proxyBeanMethods = false)
class WebappSignIn {

    private static final String PASSWORD = "password";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webappSignInFilter(IdentityService identity, SignInThrottle throttle) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equalsIgnoreCase(request.getMethod())
                        && request.getRequestURI().contains("/login/"));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                // Reading the form here leaves the webapp to take the parameters from the request.
                var user = request.getParameter("username");
                var password = request.getParameter(PASSWORD);
                var customer = user != null
                        && !user.isBlank()
                        && identity.createUserQuery()
                                        .userId(user)
                                        .memberOfGroup(DeskGroups.CUSTOMERS)
                                        .count()
                                > 0;
                chain.doFilter(customer ? new WithoutPassword(request) : request, response);
                if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
                    // The webapp found no such user or a wrong password; a customer's password is
                    // checked now, for the account's failure count (the answer is a 401 either way).
                    if (!customer || password == null || !identity.checkPassword(user, password)) {
                        throttle.failed(request);
                    }
                }
            }
        });
        registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 30);
        return registration;
    }

    /** The sign-in form without its password: the webapp then refuses it as it refuses a wrong one. */
    private static final class WithoutPassword extends HttpServletRequestWrapper {

        WithoutPassword(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return PASSWORD.equals(name) ? null : super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            return PASSWORD.equals(name) ? null : super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return super.getParameterMap().entrySet().stream()
                    .filter(entry -> !PASSWORD.equals(entry.getKey()))
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }
    }
}
