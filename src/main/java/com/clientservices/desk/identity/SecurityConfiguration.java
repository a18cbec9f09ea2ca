package com.clientservices.desk.identity;

import com.clientservices.desk.web.ApiPaths;
import com.clientservices.desk.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what. The desk's API and the engine REST API take HTTP Basic credentials checked
 * against the engine's users; the Camunda webapps keep their own sign-in. Customers never reach
 * the engine REST API (docs/specification.md §8).
 */
@Configuration
class SecurityConfiguration {

    /** The desk's pages load only their own stylesheet and script, and are never framed. */
    private static final String PAGE_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();
    private static final String FAILED_SIGN_IN = "/login?error";

    private final Problems problems;
    private final SignInThrottle throttle;

    SecurityConfiguration(Problems problems, SignInThrottle throttle) {
        this.problems = problems;
        this.throttle = throttle;
    }

    /**
     * Health for load balancers and orchestrators, without details; metrics for the monitoring
     * service user and administrators.
     */
    @Bean
    @Order(0)
    SecurityFilterChain operations(HttpSecurity http) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        return statelessBasic(http.securityMatcher(paths.matcher("/actuator/**"))
                        .authorizeHttpRequests(requests -> requests.requestMatchers(
                                        paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**"))
                                .permitAll()
                                .anyRequest()
                                .hasAnyAuthority(DeskGroups.MONITORING, DeskGroups.ADMINS)))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain deskApi(HttpSecurity http) throws Exception {
        return statelessBasic(http.securityMatcher(ApiPaths.DESK_API + "/**")
                        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        // The engine REST API is a Jersey servlet, not served by Spring MVC: match on the plain path.
        return statelessBasic(http.securityMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher(ApiPaths.ENGINE_REST + "/**"))
                        .authorizeHttpRequests(requests -> requests.anyRequest()
                                .access((authentication, context) -> new AuthorizationDecision(TRUST.isAuthenticated(
                                                authentication.get())
                                        && authentication.get().getAuthorities().stream()
                                                .noneMatch(a -> DeskGroups.CUSTOMERS.equals(a.getAuthority()))))))
                .build();
    }

    /**
     * The desk's own pages: a signed-in session with CSRF protection; the portal for customers'
     * contacts, the audit pages and the SLA board for auditors, managers and administrators (docs/specification.md §14).
     */
    @Bean
    @Order(3)
    SecurityFilterChain deskPages(HttpSecurity http) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new OrRequestMatcher(
                        paths.matcher("/"),
                        paths.matcher("/portal"),
                        paths.matcher("/portal/**"),
                        paths.matcher("/audit"),
                        paths.matcher("/audit/**"),
                        paths.matcher("/board"),
                        paths.matcher("/login"),
                        paths.matcher("/logout")))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                paths.matcher("/audit"), paths.matcher("/audit/**"), paths.matcher("/board"))
                        .hasAnyAuthority(DeskGroups.AUDITORS, DeskGroups.MANAGERS, DeskGroups.ADMINS)
                        .requestMatchers(paths.matcher("/portal"), paths.matcher("/portal/**"))
                        .hasAuthority(DeskGroups.CUSTOMERS)
                        .requestMatchers(paths.matcher("/"))
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureUrl(FAILED_SIGN_IN)
                        .failureHandler(signInFailed()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        // The Camunda webapps authenticate and protect against CSRF themselves.
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    /**
     * Runs each engine REST call as its caller, so the engine's authorizations apply: the user the
     * engine REST chain above signed in, with their groups ({@link SignedInEngineUser}).
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", SignedInEngineUser.class.getName());
        registration.addUrlPatterns(ApiPaths.ENGINE_REST + "/*");
        return registration;
    }

    /**
     * What the API chains (operations, the desk's API, the engine REST API) share: HTTP Basic
     * credentials on every request, refusals as problem+json, no session, and so no CSRF token:
     * there is no cookie a forged cross-site request could ride on.
     */
    private HttpSecurity statelessBasic(HttpSecurity http) throws Exception {
        return http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated()))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(unauthenticated()).accessDeniedHandler(denied()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
    }

    /** A wrong password (or unknown user, or locked account) on the sign-in form counts for the address's throttle. */
    private AuthenticationFailureHandler signInFailed() {
        var toSignInPage = new SimpleUrlAuthenticationFailureHandler(FAILED_SIGN_IN);
        return (request, response, e) -> {
            if (e instanceof BadCredentialsException) {
                throttle.failed(request);
            }
            toSignInPage.onAuthenticationFailure(request, response, e);
        };
    }

    /** No credentials, or wrong ones: the latter count for the address's sign-in throttle. */
    private AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            if (e instanceof BadCredentialsException) {
                throttle.failed(request);
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Client Services Desk\"");
            write(response, HttpStatus.UNAUTHORIZED, "Sign in with your desk user name and password");
        };
    }

    private AccessDeniedHandler denied() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "You may not use this part of the desk");
    }

    private void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        problems.write(response, Problems.problem(status, detail, List.of()));
    }
}
