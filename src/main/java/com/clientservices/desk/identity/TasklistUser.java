package com.clientservices.desk.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.stereotype.Component;

/**
 * The user signed in to the Camunda webapps in this browser session, for the desk's few pages that
 * Tasklist links to (an attached file in a task's form). The webapps keep their sign-in in the HTTP
 * session; their own utility reads it. Groups are read afresh from the engine, so a user removed
 * from a team loses access at once, not when the webapp's cache expires.
 */
@Component
public class TasklistUser {

    private static final String ENGINE = "default";

    private final IdentityService identity;

    TasklistUser(IdentityService identity) {
        this.identity = identity;
    }

    public Optional<DeskUser> of(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        var authentication = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(ENGINE);
        if (authentication == null || authentication.getName() == null) {
            return Optional.empty();
        }
        var userId = authentication.getName();
        if (identity.createUserQuery().userId(userId).count() == 0) {
            return Optional.empty();
        }
        var groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(group -> group.getId())
                .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new DeskUser(userId, groups));
    }
}
