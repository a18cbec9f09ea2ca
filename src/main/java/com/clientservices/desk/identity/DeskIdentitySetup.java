package com.clientservices.desk.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.clientservices.desk.engine.ProcessVariables;
import com.clientservices.desk.routing.RequestType;
import com.clientservices.desk.routing.RequestTypeCatalogue;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.query.Query;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The desk's groups, what each may do in the engine and webapps, and the Tasklist filters: a queue
 * per team the routing table routes to, ordered by SLA due time, and one that puts emergencies
 * first. Runs at every start and adds only what is missing, so an administrator's changes stay.
 */
@Component
class DeskIdentitySetup {

    static final String EMERGENCY_FILTER = "Emergencies first";
    /**
     * What each entry of a queue shows under the task's name (ticket key, task, subject): the
     * customer and the request type in words, from the task's own variables (ticket.DescribeTask):
     * agents may read their tasks' variables, not the whole process's.
     */
    private static final List<Map<String, String>> LIST_ENTRY = List.of(
            Map.of("name", ProcessVariables.CUSTOMER_NAME.name(), "label", "Customer"),
            Map.of("name", ProcessVariables.REQUEST_TYPE_LABEL.name(), "label", "Request type"));

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final RequestTypeCatalogue requestTypes;
    private final StartupLock lock;

    DeskIdentitySetup(
            IdentityService identity,
            AuthorizationService authorizations,
            FilterService filters,
            TaskService tasks,
            RequestTypeCatalogue requestTypes,
            StartupLock lock) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.requestTypes = requestTypes;
        this.lock = lock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void setUp() {
        lock.runAlone(this::createMissing);
    }

    private void createMissing() {
        DeskGroups.TEAMS.forEach(team -> group(team.id(), team.name()));
        group(DeskGroups.MANAGERS, "Client Services managers");
        group(DeskGroups.ACCOUNT_REPRESENTATIVES, "Account representatives");
        group(DeskGroups.AUDITORS, "Auditors");
        group(DeskGroups.PROCESS_OWNERS, "Process owners");
        group(DeskGroups.CUSTOMERS, "Customer contacts");
        group(DeskGroups.ENGINEERING, "Engineering");
        group(DeskGroups.MONITORING, "Monitoring");

        var taskWorkers = new LinkedHashSet<>(teams());
        taskWorkers.add(DeskGroups.MANAGERS);
        taskWorkers.add(DeskGroups.ACCOUNT_REPRESENTATIVES);
        for (var group : taskWorkers) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Tasklist shows the process name and loads the deployed Camunda Form of a task.
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
        }

        // Auditors read everything and change nothing.
        grant(DeskGroups.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(
                DeskGroups.AUDITORS,
                Resources.PROCESS_DEFINITION,
                "*",
                Permissions.READ,
                Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY,
                Permissions.READ_TASK);
        grant(DeskGroups.AUDITORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grant(DeskGroups.AUDITORS, Resources.TASK, "*", Permissions.READ);
        grant(DeskGroups.AUDITORS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(DeskGroups.AUDITORS, Resources.DEPLOYMENT, "*", Permissions.READ);

        // Process owners change the models and deploy them (docs/specification.md §1).
        grant(DeskGroups.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(DeskGroups.PROCESS_OWNERS, Resources.DEPLOYMENT, "*", Permissions.READ, Permissions.CREATE);
        grant(DeskGroups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(
                DeskGroups.PROCESS_OWNERS,
                Resources.DECISION_DEFINITION,
                "*",
                Permissions.READ,
                Permissions.READ_HISTORY);

        createFilters();
        showCustomerInListEntries();
        workNotUpdate();
    }

    /**
     * Tasks created before agents got TASK_WORK instead of UPDATE (application.yml) keep the
     * wider grant in the database; it is narrowed here once, so older open tickets are sealed too.
     */
    private void workNotUpdate() {
        List<Authorization> wide;
        while (!(wide = authorizations
                        .createAuthorizationQuery()
                        .resourceType(Resources.TASK)
                        .hasPermission(Permissions.UPDATE)
                        .listPage(0, 500))
                .isEmpty()) {
            for (var authorization : wide) {
                if ("*".equals(authorization.getResourceId())) {
                    continue;
                }
                authorization.removePermission(Permissions.UPDATE);
                authorization.addPermission(TaskPermissions.TASK_WORK);
                authorizations.saveAuthorization(authorization);
            }
            if (wide.stream().allMatch(authorization -> "*".equals(authorization.getResourceId()))) {
                return;
            }
        }
    }

    /** The teams are the routes of the routing table, never a second list. */
    private List<String> teams() {
        return requestTypes.all().stream()
                .filter(type -> !type.toAccountRepresentative())
                .map(RequestType::route)
                .distinct()
                .toList();
    }

    private void createFilters() {
        var priority = 0;
        for (var team : teams()) {
            var name = teamName(team) + " queue";
            if (!filterExists(name)) {
                var query = tasks.createTaskQuery()
                        .taskCandidateGroup(team)
                        .includeAssignedTasks()
                        .orderByDueDate()
                        .asc()
                        .orderByTaskPriority()
                        .desc();
                var filter = filters.newTaskFilter(name)
                        .setQuery(query)
                        .setProperties(Map.of(
                                "description",
                                "Open tasks of " + teamName(team) + ", soonest SLA due time first",
                                "priority",
                                ++priority,
                                "refresh",
                                true,
                                "color",
                                "#1f77b4",
                                "variables",
                                LIST_ENTRY));
                filters.saveFilter(filter);
                grant(team, Resources.FILTER, filter.getId(), Permissions.READ);
                grant(DeskGroups.MANAGERS, Resources.FILTER, filter.getId(), Permissions.READ);
            }
        }
        if (!filterExists(EMERGENCY_FILTER)) {
            var query = tasks.createTaskQuery()
                    .taskCandidateGroupInExpression("${currentUserGroups()}")
                    .includeAssignedTasks()
                    .orderByTaskPriority()
                    .desc()
                    .orderByDueDate()
                    .asc();
            var filter = filters.newTaskFilter(EMERGENCY_FILTER)
                    .setQuery(query)
                    .setProperties(Map.of(
                            "description",
                            "All tasks of your teams, emergencies on top, then by SLA due time",
                            "priority",
                            -1,
                            "refresh",
                            true,
                            "color",
                            "#d62728",
                            "variables",
                            LIST_ENTRY));
            filters.saveFilter(filter);
            for (var team : teams()) {
                grant(team, Resources.FILTER, filter.getId(), Permissions.READ);
            }
            grant(DeskGroups.MANAGERS, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    /**
     * The desk's filters made before their list entries named the customer and the request type
     * get those variables once, keeping whatever else an administrator changed.
     */
    private void showCustomerInListEntries() {
        for (var filter : filters.createTaskFilterQuery().list()) {
            var properties = filter.getProperties() == null
                    ? new HashMap<String, Object>()
                    : new HashMap<>(filter.getProperties());
            var ours = filter.getName().equals(EMERGENCY_FILTER)
                    || filter.getName().endsWith(" queue");
            if (ours && !properties.containsKey("variables")) {
                properties.put("variables", LIST_ENTRY);
                filter.setProperties(properties);
                filters.saveFilter(filter);
            }
        }
    }

    private String teamName(String team) {
        var group = identity.createGroupQuery().groupId(team).singleResult();
        return group == null ? team : group.getName();
    }

    private boolean filterExists(String name) {
        return filters.createTaskFilterQuery().filterName(name).count() > 0;
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            var group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Query<?, ?> existing = authorizations
                .createAuthorizationQuery()
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId);
        if (existing.count() > 0) {
            return;
        }
        var authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (var permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
