package com.clientservices.desk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskTest;
import com.clientservices.desk.identity.DeskGroups;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.QueryPropertyImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On PostgreSQL a page of a task list is read from the top of the list: the engine's query runs on the first tasks in
 * the page's order, then on four times as many, and finds a page the plain query would give, with the user's
 * authorizations applied as before; afterwards the query is as its caller built it. On H2 the plain query runs.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the open tasks are made once and read by every test
class TaskPagesFromTheTopTest {

    // Open tasks of the test: most in one team's queue (a tenth of them claimed), a few in another's, some in none.
    private static final int CLIENT_SERVICES_TASKS = 300;
    private static final int AD_QUALITY_TASKS = 20;
    private static final int UNASSIGNED_TASKS = 80;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    ProcessEngine engine;

    @Autowired
    EngineDatabase database;

    private final List<String> created = new ArrayList<>();

    @BeforeAll
    void openTasks() {
        var random = new Random(20);
        var due = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < CLIENT_SERVICES_TASKS + AD_QUALITY_TASKS + UNASSIGNED_TASKS; i++) {
            var task = tasks.newTask();
            task.setName("Queue page task " + i);
            // Few priorities and due dates, some none: ties at every page boundary. Above any ticket's priority, so
            // these tasks head a list sorted by priority; another team's come first (five) and last (the rest).
            var anotherTeams = i - CLIENT_SERVICES_TASKS;
            task.setPriority(
                    anotherTeams >= 0 && anotherTeams < AD_QUALITY_TASKS
                            ? anotherTeams < 5 ? 1_004 : 1_000
                            : List.of(1_001, 1_002, 1_003).get(random.nextInt(3)));
            task.setDueDate(random.nextInt(5) == 0 ? null : Date.from(due.plus(random.nextInt(6), ChronoUnit.HOURS)));
            tasks.saveTask(task);
            created.add(task.getId());
            if (i < CLIENT_SERVICES_TASKS) {
                tasks.addCandidateGroup(task.getId(), DeskGroups.CLIENT_SERVICES);
                if (i % 10 == 7) {
                    tasks.setAssignee(task.getId(), "cs-agent"); // claimed: in a queue that includes them
                }
            } else if (i < CLIENT_SERVICES_TASKS + AD_QUALITY_TASKS) {
                tasks.addCandidateGroup(task.getId(), DeskGroups.AD_QUALITY);
                if (anotherTeams < 5) {
                    // cs-agent may see these too: a list of both teams' tasks starts with them for cs-agent.
                    var grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                    grant.setUserId("cs-agent");
                    grant.setResource(Resources.TASK);
                    grant.setResourceId(task.getId());
                    grant.addPermission(Permissions.READ);
                    authorizations.saveAuthorization(grant);
                }
            }
        }
    }

    @AfterAll
    void closeTasks() {
        created.forEach(id -> tasks.deleteTask(id, true));
    }

    @Test
    void onPostgresATeamsFirstPageIsReadFromTheFirstTasksInItsOrder() {
        var query = queue(DeskGroups.CLIENT_SERVICES);
        query.orderByTaskPriority().desc().orderByDueDate().asc();

        var page = as("cs-agent", () -> query.listPage(0, 15));

        assertThat(page).hasSize(15);
        assertThat(query.batches())
                .isEqualTo(database.postgres() ? List.of(TaskPagesFromTheTop.FIRST_BATCH) : List.of());
        assertThat(query.getTaskIdIn())
                .as("the query as its caller built it, so a second page or a saved filter reads afresh")
                .isNull();
    }

    @Test
    void onPostgresATeamsQueueIsReadFromTheHeadOfItsOwnTasksWhenAnotherTeamsHeadTheList() {
        // As after a thousand breaches at once: the managers' tasks, above the team's in the queue's order.
        var managers = new ArrayList<String>();
        try {
            for (int i = 0; i < 2 * TaskPagesFromTheTop.FIRST_BATCH; i++) {
                var task = tasks.newTask();
                task.setName("Breach task " + i);
                task.setPriority(1_010);
                tasks.saveTask(task);
                managers.add(task.getId());
                tasks.addCandidateGroup(task.getId(), DeskGroups.MANAGERS);
            }
            // Pages whose first batch holds no more than the test's own tasks of the team.
            for (var bounds : List.of(new int[] {0, 15}, new int[] {15, 15}, new int[] {30, 30})) {
                var all = queue(DeskGroups.CLIENT_SERVICES);
                all.orderByTaskPriority().desc().orderByDueDate().asc();
                var expected = as("cs-agent", all::list);
                var query = queue(DeskGroups.CLIENT_SERVICES);
                query.orderByTaskPriority().desc().orderByDueDate().asc();

                var page = as("cs-agent", () -> query.listPage(bounds[0], bounds[1]));

                var what = "page from " + bounds[0];
                // Tasks equal in priority and due date may come in either order, as with the plain query.
                assertThat(page.stream().map(task -> key(task, 1)).toList())
                        .as(what)
                        .isEqualTo(expected.subList(bounds[0], bounds[0] + bounds[1]).stream()
                                .map(task -> key(task, 1))
                                .toList());
                assertThat(page).extracting(Task::getId).as(what).isSubsetOf(created.subList(0, CLIENT_SERVICES_TASKS));
                assertThat(query.batches())
                        .as(what + ": the first batch of the team's own tasks fills it")
                        .isEqualTo(
                                database.postgres()
                                        ? List.of(
                                                Math.max(TaskPagesFromTheTop.FIRST_BATCH, 4 * (bounds[0] + bounds[1])))
                                        : List.of());
                if (database.postgres()) {
                    assertThat(query.heads.get(0))
                            .as(what + ": the head of the team's tasks, none of the managers'")
                            .isSubsetOf(created.subList(0, CLIENT_SERVICES_TASKS));
                    assertThat(page).extracting(Task::getId).as(what).isSubsetOf(query.heads.get(0));
                }
            }
        } finally {
            managers.forEach(id -> tasks.deleteTask(id, true));
        }
    }

    @Test
    void onlyAQueryForItsCandidateGroupsAloneIsReadFromTheHeadOfThoseGroupsTasks() {
        assertThat(TaskPagesFromTheTop.FromTheTop.candidateGroups(queue(DeskGroups.CLIENT_SERVICES)))
                .containsExactly(DeskGroups.CLIENT_SERVICES);
        var groups = new WatchedTaskQuery(executor());
        groups.taskCandidateGroupIn(List.of(DeskGroups.CLIENT_SERVICES, DeskGroups.AD_QUALITY));
        assertThat(TaskPagesFromTheTop.FromTheTop.candidateGroups(groups))
                .containsExactly(DeskGroups.CLIENT_SERVICES, DeskGroups.AD_QUALITY);

        var both = queue(DeskGroups.CLIENT_SERVICES);
        both.taskCandidateGroupIn(List.of(DeskGroups.CLIENT_SERVICES, DeskGroups.AD_QUALITY));
        assertThat(TaskPagesFromTheTop.FromTheTop.candidateGroups(both))
                .as("a group and a list of groups: those in both, as the engine asks")
                .containsExactly(DeskGroups.CLIENT_SERVICES);
        var withNull = new WatchedTaskQuery(executor());
        withNull.taskCandidateGroupIn(Arrays.asList(DeskGroups.CLIENT_SERVICES, null));
        assertThat(TaskPagesFromTheTop.FromTheTop.candidateGroups(withNull))
                .as("a null group, as the REST API lets through, matches no task")
                .containsExactly(DeskGroups.CLIENT_SERVICES);

        assertThat(TaskPagesFromTheTop.FromTheTop.candidateGroups(new WatchedTaskQuery(executor())))
                .as("no candidates asked for")
                .isEmpty();
        var user = new WatchedTaskQuery(executor());
        user.taskCandidateUser("cs-agent");
        assertThat(TaskPagesFromTheTop.FromTheTop.candidateGroups(user))
                .as("a candidate user's own tasks")
                .isEmpty();
        var like = new WatchedTaskQuery(executor());
        like.taskCandidateGroupLike("client%");
        assertThat(TaskPagesFromTheTop.FromTheTop.candidateGroups(like))
                .as("a group pattern")
                .isEmpty();
        var either = queue(DeskGroups.CLIENT_SERVICES);
        either.or().taskAssignee("cs-agent").endOr();
        assertThat(TaskPagesFromTheTop.FromTheTop.candidateGroups(either))
                .as("or the agent's own")
                .isEmpty();
    }

    @Test
    void onPostgresAUserWhoSeesFewOfTheFirstTasksGetsFourTimesAsMany() {
        // No candidate group asked for: the head is of all open tasks, where aq-agent's team's are few.
        var query = new WatchedTaskQuery(executor());
        query.orderByTaskPriority().desc().orderByDueDate().asc();
        var open = tasks.createTaskQuery().count();

        var page = as("aq-agent", () -> query.listPage(0, 15));

        // Five of theirs head the list, the other fifteen follow the 380 tasks after them: 64 and 256 tasks each
        // hold five, a page not yet full but dense enough that 1,024 would fill it, if there are that many.
        var batches = !database.postgres()
                ? List.<Integer>of()
                : open >= 16 * TaskPagesFromTheTop.FIRST_BATCH ? List.of(64, 256, 1024) : List.of(64, 256);
        assertThat(query.batches()).as("%d open tasks", open).isEqualTo(batches);
        assertThat(page)
                .extracting(Task::getId)
                .as("their team's tasks of the test, which head their list, the five first")
                .isSubsetOf(created.subList(CLIENT_SERVICES_TASKS, CLIENT_SERVICES_TASKS + AD_QUALITY_TASKS))
                .containsAll(created.subList(CLIENT_SERVICES_TASKS, CLIENT_SERVICES_TASKS + 5));
    }

    @Test
    void onPostgresAUserWhoSeesNoneOfTheFirstTasksGetsThePlainQuery() {
        var query = new WatchedTaskQuery(executor());
        query.orderByTaskPriority().desc();

        var page = as("app-agent", () -> query.listPage(0, 15));

        assertThat(query.batches())
                .as("none of the first 64 is theirs: 1,024 would not fill a page at that rate")
                .isEqualTo(database.postgres() ? List.of(TaskPagesFromTheTop.FIRST_BATCH) : List.of());
        var all = new TaskQueryImpl(executor());
        all.orderByTaskPriority().desc();
        var expected = as("app-agent", all::list);
        assertThat(page)
                .extracting(Task::getPriority)
                .isEqualTo(expected.subList(0, Math.min(15, expected.size())).stream()
                        .map(Task::getPriority)
                        .toList());
    }

    @Test
    void everyPageIsOneThePlainQueryWouldGiveForEachUserListAndOrder() {
        List<Consumer<TaskQueryImpl>> orders = List.of(
                query -> query.orderByTaskPriority()
                        .desc()
                        .orderByDueDate()
                        .asc()
                        .orderByTaskCreateTime()
                        .desc(),
                query -> query.orderByDueDate().asc().orderByTaskPriority().desc(),
                query -> query.orderByTaskCreateTime().desc(),
                query -> {});
        // All the user's tasks, read from the head of all open tasks; a team's queue with its claimed tasks and
        // the unclaimed tasks of two teams, read from the head of those groups' tasks, whose first batch stays
        // within the test's tasks of those groups.
        var lists = List.of(
                new TaskList("all tasks", query -> {}, new int[] {30, 50}),
                new TaskList(
                        "Client Services queue",
                        query -> query.taskCandidateGroup(DeskGroups.CLIENT_SERVICES)
                                .includeAssignedTasks(),
                        new int[] {30, 30}),
                new TaskList(
                        "unclaimed in two teams",
                        query -> query.taskCandidateGroupIn(List.of(DeskGroups.CLIENT_SERVICES, DeskGroups.AD_QUALITY)),
                        new int[] {30, 30}));
        for (var user : List.of("cs-agent", "aq-agent", "cs-manager", "iq-agent")) {
            for (var list : lists) {
                for (int o = 0; o < orders.size(); o++) {
                    var order = o;
                    var all = new TaskQueryImpl(executor());
                    list.criteria().accept(all);
                    orders.get(o).accept(all);
                    // The whole list is not a page: the engine answers it with its plain query.
                    var expected = as(user, all::list);
                    var pages = List.of(new int[] {0, 15}, new int[] {15, 15}, list.third(), new int[] {290, 15});
                    for (var bounds : pages) {
                        var query = new WatchedTaskQuery(executor());
                        list.criteria().accept(query);
                        orders.get(o).accept(query);
                        var page = as(user, () -> query.listPage(bounds[0], bounds[1]));
                        var fromTheTop =
                                database.postgres() && bounds[0] + bounds[1] <= TaskPagesFromTheTop.LONGEST_PAGE;
                        var from = Math.min(bounds[0], expected.size());
                        var wanted = expected.subList(from, Math.min(from + bounds[1], expected.size()));
                        var what = user + ", " + list.name() + ", order " + o + ", page from " + bounds[0];
                        // Tasks equal in every sorted column may come in either order, as with the plain query.
                        assertThat(page.stream().map(task -> key(task, order)).toList())
                                .as(what)
                                .isEqualTo(wanted.stream()
                                        .map(task -> key(task, order))
                                        .toList());
                        assertThat(page).extracting(Task::getId).as(what).isSubsetOf(ids(expected));
                        if (fromTheTop) {
                            assertThat(query.batches())
                                    .as(what + ": read from the top")
                                    .isNotEmpty();
                        } else {
                            assertThat(query.batches())
                                    .as(what + ": the plain query")
                                    .isEmpty();
                        }
                    }
                }
            }
        }
    }

    /** A task list as a filter asks for it, and a third page of a size of its own. */
    private record TaskList(String name, Consumer<TaskQueryImpl> criteria, int[] third) {}

    @Test
    void aQueryWithItsOwnTasksOrSortedByAVariableOrLongPagesIsLeftAsItIs() {
        var own = queue(DeskGroups.CLIENT_SERVICES);
        own.taskIdIn(created.subList(0, 3).toArray(String[]::new))
                .orderByTaskPriority()
                .desc();
        assertThat(as("cs-agent", () -> own.listPage(0, 15))).hasSize(3);
        assertThat(own.batches()).isEmpty();
        assertThat(own.getTaskIdIn()).hasSize(3);

        var byVariable = queue(DeskGroups.CLIENT_SERVICES);
        byVariable.orderByProcessVariable("ticketId", ValueType.STRING).asc();
        as("cs-agent", () -> byVariable.listPage(0, 15));
        assertThat(byVariable.batches()).isEmpty();

        // A sort column as a saved filter's JSON could name it: never written into the desk's own statement.
        var byOddColumn = queue(DeskGroups.CLIENT_SERVICES);
        byOddColumn
                .getOrderingProperties()
                .add(new QueryOrderingProperty(
                        new QueryPropertyImpl("PRIORITY_ desc, (select 1)"), Direction.DESCENDING));
        assertThat(TaskPagesFromTheTop.FromTheTop.order(byOddColumn)).isNull();

        var longPage = queue(DeskGroups.CLIENT_SERVICES);
        longPage.orderByTaskPriority().desc();
        assertThat(as("cs-agent", () -> longPage.listPage(0, TaskPagesFromTheTop.LONGEST_PAGE + 1)))
                .hasSize(TaskPagesFromTheTop.LONGEST_PAGE + 1);
        assertThat(longPage.batches()).isEmpty();
    }

    @Test
    void withoutAnAuthenticatedUserThePlainQueryRuns() {
        var query = queue(DeskGroups.CLIENT_SERVICES);
        query.orderByTaskPriority().desc();

        assertThat(query.listPage(0, 15)).hasSize(15);
        assertThat(query.batches()).isEmpty();
    }

    private WatchedTaskQuery queue(String team) {
        var query = new WatchedTaskQuery(executor());
        query.taskCandidateGroup(team);
        return query;
    }

    private static List<Object> key(Task task, int order) {
        var due = task.getDueDate() == null ? null : task.getDueDate().getTime();
        var created = task.getCreateTime().getTime();
        return switch (order) {
            case 0 -> Arrays.asList(task.getPriority(), due, created);
            case 1 -> Arrays.asList(due, task.getPriority());
            case 2 -> Arrays.asList(created);
            default -> Arrays.asList(task.getId());
        };
    }

    private static List<String> ids(List<Task> found) {
        return found.stream().map(Task::getId).toList();
    }

    private CommandExecutor executor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    }

    private <T> T as(String user, Supplier<T> query) {
        return AsUser.as(identity, user, query);
    }

    /** A task query that notes the task ids the desk gave it each time, inside the engine's command. */
    static final class WatchedTaskQuery extends TaskQueryImpl {

        final List<List<String>> heads = new ArrayList<>();

        WatchedTaskQuery(CommandExecutor executor) {
            super(executor);
        }

        /** How many task ids each batch held. */
        List<Integer> batches() {
            return heads.stream().map(List::size).toList();
        }

        @Override
        public TaskQueryImpl taskIdIn(String... taskIds) {
            if (Context.getCommandContext() != null) {
                heads.add(List.of(taskIds));
            }
            return super.taskIdIn(taskIds);
        }
    }
}
