package com.clientservices.desk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.WebappBrowser;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Wrong passwords never lock an account for longer than 15 minutes, and repeated failures from
 * one client address are slowed down before any account is locked (docs/specification.md §8).
 *
 * <p>Each test signs in as users of its own (a wrong password locks a user for a while, which
 * would break other tests), and every test of the suite signs in from 127.0.0.1: these tests
 * drive the address throttle on purpose and forget its count before and after
 * ({@link SignInThrottle#forgetAll()}); the test profile's limit is far above what the rest of the
 * suite fails.
 */
@DeskTest
class SignInLimitsTest {

    private static final String PASSWORD = "right-password-9";
    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

    @Autowired
    IdentityService identity;

    @Autowired
    SignInThrottle throttle;

    @Value("${desk.sign-in.throttle.max-failures}")
    int maxFailures;

    @Value("${desk.sign-in.throttle.window}")
    Duration window;

    @Autowired
    DeskHttpClient http;

    @BeforeEach
    void connect() {
        throttle.forgetAll();
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        throttle.forgetAll();
        for (var id : List.of("throttle-probe-1", "throttle-probe-2", "throttle-probe-3", "throttle-probe-4")) {
            if (identity.createUserQuery().userId(id).count() > 0) {
                identity.deleteUser(id);
            }
        }
    }

    @Test
    void thirtyWrongPasswordsLockTheAccountForAtMostFifteenMinutesAtATimeAndNeverForGood() {
        var user = user("throttle-probe-1");
        Duration longest = Duration.ZERO;
        for (var failure = 1; failure <= 30; failure++) {
            assertThat(basic(user, "wrong-" + failure).status()).isEqualTo(401);
            var locked = (UserEntity) identity.createUserQuery().userId(user).singleResult();
            assertThat(locked.getAttempts())
                    .as("every failure counted once the last lock had passed")
                    .isEqualTo(failure);
            var lock = Duration.between(
                    ClockUtil.getCurrentTime().toInstant(),
                    locked.getLockExpirationTime().toInstant());
            assertThat(lock).as("lock after failure %d", failure).isPositive().isLessThanOrEqualTo(FIFTEEN_MINUTES);
            longest = lock.compareTo(longest) > 0 ? lock : longest;
            // The next guess comes once this lock has passed.
            ClockUtil.setCurrentTime(new Date(locked.getLockExpirationTime().getTime() + 1000));
        }
        assertThat(longest).as("the lock grows to the 15 minutes").isEqualTo(FIFTEEN_MINUTES);

        var rightPassword = basic(user, PASSWORD);
        assertThat(rightPassword.status())
                .as("not locked for good: %s", rightPassword.body())
                .isEqualTo(200);
        assertThat(((UserEntity) identity.createUserQuery().userId(user).singleResult()).getAttempts())
                .isZero();
    }

    @Test
    void whileLockedEvenTheRightPasswordIsRefusedButOnlyUntilTheLockHasPassed() {
        var user = user("throttle-probe-4");
        for (var failure = 1; failure <= 12; failure++) {
            basic(user, "wrong");
            var locked = (UserEntity) identity.createUserQuery().userId(user).singleResult();
            ClockUtil.setCurrentTime(new Date(locked.getLockExpirationTime().getTime() + 1000));
        }
        basic(user, "wrong");
        var locked = (UserEntity) identity.createUserQuery().userId(user).singleResult();

        ClockUtil.setCurrentTime(new Date(locked.getLockExpirationTime().getTime() - 1000));
        assertThat(basic(user, PASSWORD).status()).as("still locked").isEqualTo(401);
        ClockUtil.setCurrentTime(new Date(locked.getLockExpirationTime().getTime() + 1000));
        assertThat(basic(user, PASSWORD).status()).as("15 minutes later").isEqualTo(200);
    }

    @Test
    void failuresFromOneAddressOnAnySignInPathHoldItBackBeforeAnyAccountIsTouched() {
        var user = user("throttle-probe-2");
        // Password spraying: one guess each at many names, over every way of signing in.
        var paths = List.<BiFunction<String, String, Integer>>of(
                (name, password) -> basic(name, password).status(),
                (name, password) -> http.post(name, password, "/engine-rest/task/count", "{}", "application/json")
                        .status(),
                this::signInForm,
                (name, password) -> new WebappBrowser(http.port())
                        .signIn(name, password, "tasklist")
                        .statusCode());
        for (var failure = 0; failure < maxFailures; failure++) {
            var status = paths.get(failure % paths.size()).apply("throttle-nobody-" + failure, "guess-" + failure);
            assertThat(status)
                    .as("failure %d of %d is still answered", failure + 1, maxFailures)
                    .isIn(401, 302);
        }

        var held = basic(user, PASSWORD);
        assertThat(held.status()).as(held.body()).isEqualTo(429);
        assertThat(held.contentType()).startsWith("application/problem+json");
        assertThat(held.retryAfter()).isBetween(1L, window.toSeconds());
        assertThat(basic(user, "wrong").status()).isEqualTo(429);
        assertThat(webappSignIn(user, PASSWORD).statusCode()).isEqualTo(429);
        assertThat(signInForm(user, PASSWORD)).isEqualTo(429);
        var account = (UserEntity) identity.createUserQuery().userId(user).singleResult();
        assertThat(account.getAttempts()).as("its password was never checked").isZero();
        assertThat(account.getLockExpirationTime()).isNull();

        throttle.forgetAll();
        assertThat(basic(user, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void guessingOneAccountIsHeldBackByTheAddressLongBeforeTheAccountsLockGrows() {
        var user = user("throttle-probe-3");
        var answered = 0;
        while (basic(user, "guess-" + answered).status() == 401) {
            answered++;
            assertThat(answered).as("held back at the limit").isLessThanOrEqualTo(maxFailures);
        }
        assertThat(answered).isEqualTo(maxFailures);

        var account = (UserEntity) identity.createUserQuery().userId(user).singleResult();
        assertThat(account.getAttempts())
                .as("the engine counts only guesses made between its locks")
                .isLessThan(maxFailures);
        assertThat(Duration.between(
                        ClockUtil.getCurrentTime().toInstant(),
                        account.getLockExpirationTime().toInstant()))
                .isLessThanOrEqualTo(FIFTEEN_MINUTES);
        assertThat(basic(user, PASSWORD).status())
                .as("the right password waits too")
                .isEqualTo(429);
    }

    @Test
    void aClientCannotDodgeTheThrottleByNamingAnotherAddressHere() {
        for (var failure = 0; failure < maxFailures; failure++) {
            var answer = http.send(
                    "throttle-nobody-" + failure,
                    "GET",
                    "/api/request-types",
                    null,
                    null,
                    Map.of("X-Forwarded-For", "198.51.100." + failure));
            assertThat(answer.status()).isEqualTo(401);
        }
        var answer =
                http.send("demo", "GET", "/api/request-types", null, null, Map.of("X-Forwarded-For", "198.51.100.250"));
        assertThat(answer.status())
                .as("X-Forwarded-For is trusted in the prod profile only")
                .isEqualTo(429);
    }

    // ---------------------------------------------------------------------------------------------

    record Answer(int status, String body, String contentType, long retryAfter) {}

    private Answer basic(String user, String password) {
        var response = http.exchange(HttpRequest.newBuilder(uri("/api/request-types"))
                .header("Authorization", DeskHttpClient.basic(user, password)));
        return new Answer(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers()
                        .firstValue("Retry-After")
                        .map(Long::parseLong)
                        .orElse(-1L));
    }

    private HttpResponse<String> webappSignIn(String user, String password) {
        var browser = HttpClient.newHttpClient();
        return DeskHttpClient.exchange(
                browser,
                HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
    }

    /** The desk's sign-in form: 302 to the page (or to /login?error), 429 when held back. */
    private int signInForm(String user, String password) {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var page = DeskHttpClient.exchange(
                browser, HttpRequest.newBuilder(uri("/login")).GET());
        var form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf="
                + encode(DeskHttpClient.csrfToken(page.body()));
        return DeskHttpClient.exchange(
                        browser,
                        HttpRequest.newBuilder(uri("/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)))
                .statusCode();
    }

    private String user(String id) {
        var user = identity.newUser(id);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        return id;
    }

    private URI uri(String path) {
        return http.uri(path);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
