package com.clientservices.desk.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/** Runs engine API calls as a demo user with their groups, as the engine REST API would for them. */
final class AsUser {

    private AsUser() {}

    static <T> T as(IdentityService identity, String user, Supplier<T> call) {
        identity.setAuthentication(
                user,
                identity.createGroupQuery().groupMember(user).list().stream()
                        .map(Group::getId)
                        .toList());
        try {
            return call.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
