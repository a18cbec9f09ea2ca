package com.clientservices.desk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.WebappBrowser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A failed sign-in to the Camunda webapps tells nobody whether the account exists or what kind it
 * is: a wrong password, an unknown user, a locked account and a customer's account (whatever the
 * password) answer the same status with the same body, in every webapp. Only with the right
 * password does a member of staff learn that an application is not theirs (403). A customer never
 * gets a webapp session. The users are this test's own, so its wrong passwords lock no one else.
 */
@DeskTest
class WebappSignInAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STAFF = "signin-probe-staff";
    private static final String LOCKED = "signin-probe-locked";
    private static final String CUSTOMER = "signin-probe-customer";
    private static final String PASSWORD = "right-password-7";

    @Autowired
    DeskHttpClient http;

    @Autowired
    IdentityService identity;

    @Autowired
    SignInThrottle throttle;

    @BeforeEach
    void users() {
        throttle.forgetAll();
        user(STAFF, DeskGroups.CLIENT_SERVICES);
        user(LOCKED, DeskGroups.CLIENT_SERVICES);
        user(CUSTOMER, DeskGroups.CUSTOMERS);
    }

    @AfterEach
    void removeUsers() {
        for (var id : List.of(STAFF, LOCKED, CUSTOMER)) {
            identity.deleteMembership(id, DeskGroups.CLIENT_SERVICES);
            identity.deleteMembership(id, DeskGroups.CUSTOMERS);
            identity.deleteUser(id);
        }
        throttle.forgetAll();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void wrongPasswordUnknownUserLockedAccountAndCustomerAnswerAlike(String app) {
        // A wrong password locks the account for a few seconds; its right password is then refused too.
        assertThat(identity.checkPassword(LOCKED, "wrong")).isFalse();

        var answers = new LinkedHashMap<String, HttpResponse<String>>();
        answers.put("staff, wrong password", signIn(STAFF, "wrong-password", app));
        answers.put("unknown user", signIn("signin-probe-nobody", PASSWORD, app));
        answers.put("locked staff, right password", signIn(LOCKED, PASSWORD, app));
        answers.put("customer, right password", signIn(CUSTOMER, PASSWORD, app));
        answers.put("customer, wrong password", signIn(CUSTOMER, "wrong-password", app));
        answers.put("demo customer, demo password", signIn("spoc-acme", "demo", app));

        var first = answers.values().iterator().next();
        assertThat(first.statusCode()).isEqualTo(401);
        assertThat(first.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(first.body()).contains("Wrong user name or password");
        answers.forEach((who, answer) -> {
            assertThat(answer.statusCode()).as(who).isEqualTo(first.statusCode());
            assertThat(answer.body()).as(who).isEqualTo(first.body());
        });
    }

    @Test
    void withoutTheCsrfTokenACustomerAndAnUnknownUserAreRefusedAlike() {
        var customer = signInWithoutToken(CUSTOMER, PASSWORD);
        var unknown = signInWithoutToken("signin-probe-nobody", PASSWORD);
        var staff = signInWithoutToken(STAFF, PASSWORD);

        assertThat(customer.statusCode()).as(customer.body()).isEqualTo(403);
        for (var other : List.of(unknown, staff)) {
            assertThat(other.statusCode()).isEqualTo(customer.statusCode());
            assertThat(other.body()).isEqualTo(customer.body());
        }
    }

    @Test
    void aCustomerWithTheRightPasswordGetsNoWebappSession() {
        var browser = new WebappBrowser(http.port());
        assertThat(browser.signIn(CUSTOMER, PASSWORD, "welcome").statusCode()).isEqualTo(401);

        var whoAmI = browser.send("GET", "/camunda/api/admin/auth/user/default", null, Map.of());
        assertThat(whoAmI.statusCode()).as(whoAmI.body()).isEqualTo(404);
        var tasks = browser.send("GET", "/camunda/api/engine/engine/default/task", null, Map.of());
        assertThat(tasks.statusCode()).isEqualTo(401);
    }

    @Test
    void aCustomersWrongPasswordCountsAgainstTheAccountLikeAnyonesAndTheRightOneDoesNot() {
        signIn(CUSTOMER, PASSWORD, "tasklist");
        assertThat(attempts(CUSTOMER)).as("the right password is no failure").isZero();

        signIn(CUSTOMER, "wrong-password", "tasklist");
        assertThat(attempts(CUSTOMER)).as("a wrong password is").isOne();
    }

    @Test
    void onlyWithTheRightPasswordDoesStaffLearnTheApplicationIsNotTheirs() {
        var noAccess = signIn(STAFF, PASSWORD, "cockpit");
        assertThat(noAccess.statusCode()).as(noAccess.body()).isEqualTo(403);
        assertThat(noAccess.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("application/problem+json");
        assertThat(noAccess.body()).contains("no access to this application");

        var signedIn = signIn(STAFF, PASSWORD, "tasklist");
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(parse(signedIn.body()).path("userId").asText()).isEqualTo(STAFF);
    }

    // ---------------------------------------------------------------------------------------------

    private HttpResponse<String> signIn(String user, String password, String app) {
        return new WebappBrowser(http.port()).signIn(user, password, app);
    }

    /** A sign-in as a forged form would send it: with the session from the page, without the CSRF header. */
    private HttpResponse<String> signInWithoutToken(String user, String password) {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var base = "http://localhost:" + http.port();
        DeskHttpClient.exchange(browser, HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")));
        return DeskHttpClient.exchange(
                browser,
                HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
    }

    private int attempts(String user) {
        return ((UserEntity) identity.createUserQuery().userId(user).singleResult()).getAttempts();
    }

    private void user(String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
