package com.clientservices.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code desk.*} as the desk binds it: the documented defaults, and a wrong value stops the start. */
class DeskPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Enable.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DeskProperties.class)
    static class Enable {}

    @Test
    void withoutSettingsTheDefaultsApply() {
        context.run(ctx -> {
            var desk = ctx.getBean(DeskProperties.class);
            assertThat(desk.signIn().throttle().maxFailures()).isEqualTo(10);
            assertThat(desk.signIn().throttle().window()).isEqualTo(Duration.ofMinutes(5));
            assertThat(desk.history().retentionDays()).isEqualTo(2555);
            assertThat(desk.demo().enabled()).isFalse();
            assertThat(desk.demo().sampleTickets()).isTrue();
            assertThat(desk.notifications().channel()).isEqualTo(DeskProperties.Notifications.Channel.OUTBOX);
            assertThat(desk.notifications().portalUrl()).isEqualTo("http://localhost:8080");
            assertThat(desk.intake().maxBodyBytes()).isEqualTo(262144);
            assertThat(desk.production().minPasswordLength()).isEqualTo(12);
        });
    }

    @Test
    void thePublishedNamesBind() {
        context.withPropertyValues(
                        "desk.sign-in.throttle.max-failures=3",
                        "desk.sign-in.throttle.window=1m",
                        "desk.history.retention-days=30",
                        "desk.demo.sample-tickets=false",
                        "desk.notifications.channel=smtp",
                        "desk.notifications.from=desk@example.com",
                        "desk.notifications.portal-url=https://desk.example.com",
                        "desk.intake.max-body-bytes=1024",
                        "desk.production.min-password-length=16")
                .run(ctx -> {
                    var desk = ctx.getBean(DeskProperties.class);
                    assertThat(desk.signIn().throttle().maxFailures()).isEqualTo(3);
                    assertThat(desk.signIn().throttle().window()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(desk.history().retentionDays()).isEqualTo(30);
                    assertThat(desk.demo().sampleTickets()).isFalse();
                    assertThat(desk.notifications().channel()).isEqualTo(DeskProperties.Notifications.Channel.SMTP);
                    assertThat(desk.notifications().from()).isEqualTo("desk@example.com");
                    assertThat(desk.notifications().portalUrl()).isEqualTo("https://desk.example.com");
                    assertThat(desk.intake().maxBodyBytes()).isEqualTo(1024);
                    assertThat(desk.production().minPasswordLength()).isEqualTo(16);
                });
    }

    @Test
    void aLimitBelowOneStopsTheStart() {
        for (var wrong : new String[] {
            "desk.history.retention-days=0",
            "desk.intake.max-body-bytes=0",
            "desk.sign-in.throttle.max-failures=0",
            "desk.production.min-password-length=0"
        }) {
            context.withPropertyValues(wrong)
                    .run(ctx -> assertThat(ctx).as(wrong).hasFailed());
        }
    }
}
