package com.clientservices.desk;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Gives every {@link DeskTest} a ready {@link DeskHttpClient} for the desk's port: a test class
 * declares {@code @Autowired DeskHttpClient http;} instead of reading the port and building one.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DeskHttp {

    /** Lazy, because the port is known only once the web server has started, after the singletons. */
    @Bean
    @Lazy
    DeskHttpClient deskHttpClient(@Value("${local.server.port}") int port) {
        return new DeskHttpClient(port);
    }
}
