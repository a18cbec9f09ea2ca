package com.clientservices.desk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The address throttle's arithmetic: failures within a sliding window, per address. */
class SignInThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final SignInThrottle throttle = new SignInThrottle(3, Duration.ofMinutes(5), clock);

    @Test
    void anAddressIsHeldBackAtTheLimitUntilItsOldestFailureLeavesTheWindow() {
        throttle.failed("203.0.113.7");
        clock.move(Duration.ofMinutes(1));
        throttle.failed("203.0.113.7");
        assertThat(throttle.heldBack("203.0.113.7")).as("under the limit").isEmpty();

        throttle.failed("203.0.113.7");
        assertThat(throttle.heldBack("203.0.113.7")).as("at the limit").contains(Duration.ofMinutes(4));

        clock.move(Duration.ofMinutes(4));
        assertThat(throttle.heldBack("203.0.113.7"))
                .as("the first failure has left the window")
                .isEmpty();
    }

    @Test
    void eachAddressHasItsOwnCount() {
        for (var i = 0; i < 3; i++) {
            throttle.failed("203.0.113.7");
        }
        assertThat(throttle.heldBack("203.0.113.7")).isPresent();
        assertThat(throttle.heldBack("203.0.113.8")).isEmpty();
        assertThat(throttle.heldBack("2001:db8::1")).isEmpty();
    }

    @Test
    void failingOnAndOnNeverHoldsAnAddressBackLongerThanTheWindow() {
        for (var i = 0; i < 1000; i++) {
            throttle.failed("203.0.113.7");
            clock.move(Duration.ofSeconds(1));
        }
        assertThat(throttle.heldBack("203.0.113.7")).get().matches(wait -> wait.compareTo(Duration.ofMinutes(5)) <= 0);
    }

    @Test
    void forgettingIsTheTestHook() {
        for (var i = 0; i < 3; i++) {
            throttle.failed("127.0.0.1");
        }
        throttle.forgetAll();
        assertThat(throttle.heldBack("127.0.0.1")).isEmpty();
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-01T09:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
