package com.clientservices.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The request's own origin is the one the server sees. Behind the production proxy that is what
 * Tomcat's RemoteIpValve made of X-Forwarded-Proto, -Host and -Port (server.forward-headers-strategy:
 * native): scheme https, the public host, port 443. These requests look as the valve leaves them.
 */
class SameOriginWritesTest {

    @Test
    void behindTheProxyTheBrowsersHttpsOriginIsTheDesksOwn() {
        assertThat(fromAnotherSite(forwarded(), "https://desk.example.com")).isFalse();
        assertThat(fromAnotherSite(forwarded(), "https://DESK.example.com:443")).isFalse();
    }

    @Test
    void behindTheProxyAnotherSchemePortOrHostIsForeign() {
        assertThat(fromAnotherSite(forwarded(), "http://desk.example.com")).isTrue();
        assertThat(fromAnotherSite(forwarded(), "https://desk.example.com:8443"))
                .isTrue();
        assertThat(fromAnotherSite(forwarded(), "https://desk.example.com.evil.example"))
                .isTrue();
        assertThat(fromAnotherSite(forwarded(), "https://tasks.example.com")).isTrue();
    }

    @Test
    void anOriginThatIsNotAPlainOriginIsForeign() {
        for (var origin : new String[] {
            "null",
            "",
            "desk.example.com",
            "https://desk.example.com/path",
            "https://user@desk.example.com",
            "https://desk.example.com?x",
            "not a uri at all"
        }) {
            assertThat(fromAnotherSite(forwarded(), origin)).as(origin).isTrue();
        }
    }

    @Test
    void anIpv6HostIsComparedInBrackets() {
        var request = new MockHttpServletRequest("POST", "/api/tickets");
        request.setServerName("::1");
        request.setServerPort(8080);
        assertThat(fromAnotherSite(request, "http://[::1]:8080")).isFalse();
        assertThat(fromAnotherSite(request, "http://[::2]:8080")).isTrue();
    }

    private static MockHttpServletRequest forwarded() {
        var request = new MockHttpServletRequest("POST", "/api/tickets");
        request.setScheme("https");
        request.setSecure(true);
        request.setServerName("desk.example.com");
        request.setServerPort(443);
        return request;
    }

    private static boolean fromAnotherSite(MockHttpServletRequest request, String origin) {
        request.removeHeader("Origin");
        request.addHeader("Origin", origin);
        return SameOriginWrites.fromAnotherSite(request);
    }
}
