package com.clientservices.desk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests that change state from another site are refused, whatever the sign-in (docs/specification.md §8). A
 * browser sends cached HTTP Basic credentials and session cookies along with a form or a
 * {@code fetch} that another site starts, so neither proves that the desk's own pages made the
 * request; the browser's own statement of where the request comes from does. Every POST, PUT,
 * PATCH and DELETE, on every path (the desk's API and pages, the engine REST API, the Camunda
 * webapps), is refused with 403 and nothing changed when
 * <ul>
 * <li>{@code Sec-Fetch-Site} is {@code cross-site} or {@code same-site} (a sibling host is another
 * site too), or
 * <li>{@code Origin} is present and is not the request's own origin: scheme, host and port as the
 * server sees the request ({@code Origin: null}, sent from sandboxed frames and some redirects,
 * counts as foreign).
 * </ul>
 * A request with neither header is not a browser's cross-site request (curl, scripts, Camunda
 * Modeler, the desk's API clients) and is let through. Behind a proxy the prod profile trusts
 * X-Forwarded-Proto, -Host and -Port ({@code server.forward-headers-strategy: native}), so the
 * request's own origin is the one the browser used; elsewhere those headers are ignored.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 50)
class SameOriginWrites extends OncePerRequestFilter {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> FOREIGN_FETCH_SITES = Set.of("cross-site", "same-site");

    private final Problems problems;

    SameOriginWrites(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CHANGES.contains(request.getMethod().toUpperCase(Locale.ROOT));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (fromAnotherSite(request)) {
            problems.write(
                    response,
                    Problems.problem(
                            HttpStatus.FORBIDDEN,
                            "This request comes from another site: "
                                    + "changes are taken only from the desk's own pages or from clients that are not browsers, "
                                    + "so nothing was changed",
                            List.of()));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean fromAnotherSite(HttpServletRequest request) {
        var fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && FOREIGN_FETCH_SITES.contains(fetchSite.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        var origins = request.getHeaders("Origin");
        while (origins != null && origins.hasMoreElements()) {
            if (!isOwnOrigin(origins.nextElement(), request)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOwnOrigin(String origin, HttpServletRequest request) {
        URI uri;
        try {
            uri = new URI(origin.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        // "null", a path, user info, a query: not the plain scheme://host[:port] of a web origin.
        if (uri.getScheme() == null
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            return false;
        }
        var scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals(request.getScheme().toLowerCase(Locale.ROOT))
                && uri.getHost().toLowerCase(Locale.ROOT).equals(host(request.getServerName()))
                && port(scheme, uri.getPort()) == port(scheme, request.getServerPort());
    }

    private static String host(String serverName) {
        var host = serverName.toLowerCase(Locale.ROOT);
        // An IPv6 literal: the origin spells it in brackets.
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static int port(String scheme, int port) {
        if (port > 0) {
            return port;
        }
        return "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
    }
}
