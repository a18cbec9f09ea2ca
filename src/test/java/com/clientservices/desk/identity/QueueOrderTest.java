package com.clientservices.desk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A team's queue in Tasklist lists the soonest due task first and a task without a due date last,
 * on H2 (which would put empty values first unless told otherwise) as on PostgreSQL
 * (docs/specification.md §5: queues ordered by SLA due time). Run on both by the README's test
 * commands.
 */
@DeskTest
class QueueOrderTest {

    private static final String TEAM = DeskGroups.INVENTORY_QUALITY;
    private static final String PREFIX = "Queue order probe ";

    @Autowired
    TaskService tasks;

    @Autowired
    FilterService filters;

    @Autowired
    IdentityService identity;

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void removeProbeTasks() {
        created.forEach(id -> tasks.deleteTask(id, true));
    }

    @Test
    void teamQueueListsSoonestDueFirstAndUndatedTasksLast() {
        var now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        probe("in two hours", now.plus(2, ChronoUnit.HOURS), 50);
        probe("undated", null, 50);
        probe("in one hour", now.plus(1, ChronoUnit.HOURS), 50);
        probe("undated too", null, 50);
        probe("in three days", now.plus(3, ChronoUnit.DAYS), 50);

        var queue = queue("Inventory Quality queue");
        assertThat(queue).hasSize(5);
        assertThat(queue.subList(0, 3)).containsExactly("in one hour", "in two hours", "in three days");
        // Two undated tasks tie; either may come first, but both come after every dated one.
        assertThat(queue.subList(3, 5)).containsExactlyInAnyOrder("undated", "undated too");
    }

    @Test
    void emergenciesFirstListsHigherPriorityFirstThenSoonestDueWithUndatedTasksLast() {
        var now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        probe("standard undated", null, 50);
        probe("standard in one hour", now.plus(1, ChronoUnit.HOURS), 50);
        probe("emergency undated", null, 80);
        probe("emergency in two hours", now.plus(2, ChronoUnit.HOURS), 80);

        // The filter names the signed-in agent's teams.
        identity.setAuthentication("iq-agent", List.of(TEAM));
        List<String> listed;
        try {
            listed = queue("Emergencies first");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(listed)
                .containsExactly(
                        "emergency in two hours", "emergency undated", "standard in one hour", "standard undated");
    }

    private List<String> queue(String filterName) {
        var filter = filters.createTaskFilterQuery().filterName(filterName).singleResult();
        return filters.<Task>list(filter.getId()).stream()
                .map(Task::getName)
                .filter(name -> name.startsWith(PREFIX))
                .map(name -> name.substring(PREFIX.length()))
                .toList();
    }

    private void probe(String name, Instant due, int priority) {
        var task = tasks.newTask();
        task.setName(PREFIX + name);
        task.setDueDate(due == null ? null : Date.from(due));
        task.setPriority(priority);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), TEAM);
        created.add(task.getId());
    }
}
