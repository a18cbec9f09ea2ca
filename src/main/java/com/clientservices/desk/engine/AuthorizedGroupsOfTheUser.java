package com.clientservices.desk.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Finds which of the signed-in user's groups hold any grant by asking about those groups, not by reading every
 * grant. Before each authorization check or checked query, the engine keeps only the user's groups that some
 * grant names, and to know them it reads the distinct group of every row of the authorization table, once per
 * command. The desk grants each open task to its team (four grants a ticket), so that read grew with every
 * ticket still open or in its reopen window: with 5,400 tickets worked, 1 ms each time, four times a lifecycle,
 * 30 % of PostgreSQL's statement time (pg_stat_statements, README "Benchmarks"). Here each of the user's groups is
 * one index probe; the answer is the same set, kept for the rest of the command as the engine keeps its own.
 */
@Component
class AuthorizedGroupsOfTheUser extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.replace(configuration, AuthorizationManager.class, ByProbe::new);
    }

    static class ByProbe extends AuthorizationManager {

        private final Map<String, Boolean> granted = new HashMap<>();

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
            }
            var result = new ArrayList<String>();
            for (var group : authenticatedGroupIds) {
                if (group != null && !result.contains(group) && granted.computeIfAbsent(group, ByProbe::anyGrant)) {
                    result.add(group);
                }
            }
            return result;
        }

        private static boolean anyGrant(String group) {
            return !CommandStatements.strings(
                            "select GROUP_ID_ from " + CommandStatements.table("ACT_RU_AUTHORIZATION")
                                    + " where GROUP_ID_ = ? fetch first 1 rows only",
                            group)
                    .isEmpty();
        }
    }
}
