package com.clientservices.desk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskTest;
import com.clientservices.desk.identity.DeskGroups;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Which of a user's groups hold a grant is found by probing those groups, with the engine's own answer: every
 * group some grant names, none that no grant names, each once (engine.AuthorizedGroupsOfTheUser).
 */
@DeskTest
class AuthorizedGroupsOfTheUserTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    AuthorizationService authorizations;

    @Test
    void everyCommandChecksAuthorizationsWithTheProbingManager() {
        assertThat(inCommand(() -> List.of(engineManager().getClass().getName())))
                .containsExactly(AuthorizedGroupsOfTheUser.ByProbe.class.getName());
    }

    @Test
    void theUsersGroupsThatAGrantNamesAreKeptAndOnlyThoseAsTheEngineWouldKeepThem() {
        var withoutGrants = "group-without-grants-" + System.nanoTime();
        var grantedLater = "group-granted-" + System.nanoTime();
        var grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(grantedLater);
        grant.setResource(Resources.FILTER);
        grant.setResourceId("a-filter-" + System.nanoTime());
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
        try {
            var asked = Arrays.asList(
                    DeskGroups.CLIENT_SERVICES,
                    withoutGrants,
                    DeskGroups.MANAGERS,
                    grantedLater,
                    DeskGroups.CLIENT_SERVICES,
                    null,
                    "no-such-group");

            var probed = inCommand(() -> engineManager().filterAuthenticatedGroupIds(asked));
            var engines = inCommand(() -> new AuthorizationManager().filterAuthenticatedGroupIds(asked));

            assertThat(probed)
                    .containsExactlyInAnyOrder(DeskGroups.CLIENT_SERVICES, DeskGroups.MANAGERS, grantedLater)
                    .containsExactlyInAnyOrderElementsOf(engines);
            assertThat(inCommand(() -> engineManager().filterAuthenticatedGroupIds(List.of())))
                    .isEmpty();
        } finally {
            authorizations.deleteAuthorization(grant.getId());
        }
    }

    private static AuthorizationManager engineManager() {
        return Context.getCommandContext().getAuthorizationManager();
    }

    private List<String> inCommand(Supplier<List<String>> work) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return new ArrayList<>(configuration.getCommandExecutorTxRequired().execute(context -> work.get()));
    }
}
