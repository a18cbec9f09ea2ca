package com.clientservices.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskTest;
import java.util.Arrays;
import org.apache.catalina.Wrapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * The desk's pages and API and the engine REST API ({@code /engine-rest}) are set to start with the desk, not with
 * the first request that reaches them: the first call after a restart does not wait seconds for their start, nor
 * do the requests queued behind it (README, "Benchmarks"). What is checked is Tomcat's setting for each; whether a
 * servlet has started cannot be told apart in a desk that other tests have already called.
 */
@DeskTest
class ServletsStartWithTheDeskTest {

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void thePagesTheApiAndTheEngineRestApiAreSetToStartWithTheDesk() {
        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        var application = tomcat.getHost().findChildren()[0];
        var servlets = Arrays.stream(application.findChildren())
                .map(Wrapper.class::cast)
                .toList();
        assertThat(servlets)
                .extracting(Wrapper::getName)
                .contains("dispatcherServlet")
                .anyMatch(name -> name.contains("Jersey"));
        for (var servlet : servlets) {
            if (servlet.getName().equals("dispatcherServlet")
                    || servlet.getName().contains("Jersey")) {
                assertThat(servlet.getLoadOnStartup())
                        .as(servlet.getName() + " starts with the desk")
                        .isGreaterThanOrEqualTo(0);
            }
        }
    }
}
