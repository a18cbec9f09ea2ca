package com.clientservices.desk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Administrators register customers, their account representative and contacts (the way prod onboards them). */
@DeskTest
class MemberApiTest {

    @Autowired
    IdentityService identity;

    @Autowired
    DeskHttpClient http;

    /** Contacts of their own, so that no other test's customer sees the members registered here. */
    @BeforeEach
    void connect() {
        for (var id : List.of("spoc-initech", "spoc-initrode")) {
            if (identity.createUserQuery().userId(id).count() == 0) {
                var user = identity.newUser(id);
                user.setPassword("demo");
                user.setEmail(id + "@clientservices.example");
                identity.saveUser(user);
                identity.createMembership(id, DeskGroups.CUSTOMERS);
            }
        }
    }

    @Test
    void aRegisteredMembersContactCanSubmitAndAReplacedContactCannot() {
        var created = http.send(
                "demo",
                "PUT",
                "/api/members/7001",
                "{\"name\":\"Initech\",\"accountRepresentative\":\"account-rep\",\"contacts\":[\"spoc-initech\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("contacts").toString()).isEqualTo("[\"spoc-initech\"]");
        assertThat(submit("spoc-initech", 7001)).isEqualTo(201);

        var changed = http.send(
                "demo",
                "PUT",
                "/api/members/7001",
                "{\"name\":\"Initech Ltd\",\"accountRepresentative\":\"account-rep\",\"contacts\":[\"spoc-initrode\"]}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(submit("spoc-initech", 7001)).isEqualTo(403);
        assertThat(submit("spoc-initrode", 7001)).isEqualTo(201);
        assertThat(http.get("demo", "/api/members").body()).contains("Initech Ltd");
    }

    @RepeatedTest(10)
    void administratorsRegisteringTheSameMemberAtOnceAllSucceedAndItIsRegisteredOnce(RepetitionInfo repetition)
            throws Exception {
        var path = "/api/members/" + (7100 + repetition.getCurrentRepetition());
        var body = "{\"name\":\"Initrode\",\"accountRepresentative\":\"account-rep\",\"contacts\":[\"spoc-initrode\"]}";
        var start = new CyclicBarrier(4);
        var pool = Executors.newFixedThreadPool(4);
        try {
            var calls = new ArrayList<Future<DeskHttpClient.Response>>();
            for (var i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return http.send("demo", "PUT", path, body);
                }));
            }
            var statuses = new ArrayList<Integer>();
            for (var call : calls) {
                var answer = call.get();
                assertThat(answer.status()).as(answer.body()).isIn(200, 201);
                statuses.add(answer.status());
            }
            assertThat(statuses).as("new for exactly one of them").containsOnlyOnce(201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(http.get("demo", "/api/members").json().findValuesAsText("memberId"))
                .containsOnlyOnce(path.substring(path.lastIndexOf('/') + 1));
    }

    @Test
    void representativesAndContactsMustBeUsersOfTheirGroups() {
        var refused = http.send(
                "demo",
                "PUT",
                "/api/members/7002",
                "{\"name\":\" \",\"accountRepresentative\":\"cs-agent\",\"contacts\":[\"auditor\",\"nobody\"]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsText("field"))
                .containsExactly("name", "accountRepresentative", "contacts", "contacts");
        assertThat(http.get("demo", "/api/members").body()).doesNotContain("7002");
    }

    private int submit(String user, long member) {
        return http.post(user, "/api/tickets", Tickets.valid(member, "AD_SERVING", "Blank placements"))
                .status();
    }
}
