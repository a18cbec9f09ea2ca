package com.clientservices.desk.identity;

import com.clientservices.desk.DeskProperties;
import com.clientservices.desk.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Repeated failed sign-ins from one client address are slowed down before any account is locked
 * for long (docs/specification.md §8). After {@code desk.sign-in.throttle.max-failures} failed sign-ins within
 * {@code desk.sign-in.throttle.window} from one address, every further sign-in from that address
 * is answered 429 with Retry-After, without the password being checked, until the oldest of those
 * failures is older than the window. This covers every way of signing in: HTTP Basic (the desk's
 * API, the engine REST API, metrics), the desk's sign-in form (/login) and the Camunda webapps'
 * sign-in.
 *
 * <p>Only failures count (a wrong password, an unknown user, a locked account), so people signing
 * in successfully from a shared address are never held back by their own sign-ins; a success does
 * not wipe the count either, or an attacker could reset it with an account of their own.
 *
 * <p>The address is the servlet's remote address. In the prod profile the server trusts the
 * X-Forwarded-For of a proxy on an internal network ({@code server.forward-headers-strategy:
 * native}) and the remote address is the client's; elsewhere X-Forwarded-For is ignored, so no
 * client can choose the address it is counted under.
 *
 * <p>The count is kept in this node's memory, the one exception to "nothing is kept only in one
 * node's memory" (docs/specification.md §10), and a deliberate one: a lost count only means a client may fail again
 * a few times, each node throttles the addresses it serves, so a cluster of n nodes lets an address
 * fail at most n times the limit per window, and the engine's own per-account lock, which is in
 * the database, still holds across nodes. Sharing the count would put a database write in front of
 * every sign-in for no stronger guarantee.
 */
@Configuration(proxyBeanMethods = false)
public class SignInThrottle {

    /** Beyond this many addresses the ones whose failures have all expired are dropped first. */
    private static final int TIDY_ABOVE = 10_000;

    private static final Pattern WEBAPP_SIGN_IN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();

    @Autowired
    SignInThrottle(DeskProperties properties) {
        this(
                properties.signIn().throttle().maxFailures(),
                properties.signIn().throttle().window(),
                Clock.systemUTC());
    }

    SignInThrottle(int maxFailures, Duration window, Clock clock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(
                    "desk.sign-in.throttle needs max-failures of at least 1 and a positive window");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** A sign-in from this request's address failed. */
    public void failed(HttpServletRequest request) {
        failed(request.getRemoteAddr());
    }

    void failed(String address) {
        var now = clock.millis();
        if (failures.size() > TIDY_ABOVE) {
            failures.entrySet().removeIf(entry -> expired(entry.getValue(), now));
        }
        var times = failures.computeIfAbsent(address, any -> new ArrayDeque<>());
        synchronized (times) {
            drop(times, now);
            times.addLast(now);
            while (times.size() > maxFailures) {
                times.removeFirst();
            }
        }
    }

    /** How long sign-ins from this address are held back, or empty when they are not. */
    public Optional<Duration> heldBack(String address) {
        var times = failures.get(address);
        if (times == null) {
            return Optional.empty();
        }
        var now = clock.millis();
        synchronized (times) {
            drop(times, now);
            if (times.size() < maxFailures) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(times.peekFirst() + window.toMillis() - now));
        }
    }

    /**
     * Test hook: forgets every failure counted so far. The suite signs in from one address
     * (127.0.0.1); a test that drives the throttle on purpose calls this before and after, so that
     * no other test is held back by its failures.
     */
    public void forgetAll() {
        failures.clear();
    }

    private void drop(ArrayDeque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() + window.toMillis() <= now) {
            times.removeFirst();
        }
    }

    private boolean expired(ArrayDeque<Long> times, long now) {
        synchronized (times) {
            drop(times, now);
            return times.isEmpty();
        }
    }

    /** Is this request an attempt to sign in, whose password would be checked? */
    static boolean isSignIn(HttpServletRequest request) {
        var authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            return false;
        }
        var path = request.getRequestURI()
                .substring(request.getContextPath().length())
                .toLowerCase(Locale.ROOT);
        return path.equals("/login") || WEBAPP_SIGN_IN.matcher(path).matches();
    }

    /** In front of the sign-in of every part of the desk, ahead of Spring Security and the webapps. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> signInThrottleFilter(Problems problems) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var wait = isSignIn(request) ? heldBack(request.getRemoteAddr()) : Optional.<Duration>empty();
                if (wait.isPresent()) {
                    var seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                    response.setHeader("Retry-After", String.valueOf(seconds));
                    problems.write(
                            response,
                            Problems.problem(
                                    HttpStatus.TOO_MANY_REQUESTS,
                                    "Too many failed sign-ins from " + "your address: try again in " + seconds
                                            + " seconds",
                                    List.of()));
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 40);
        return registration;
    }
}
