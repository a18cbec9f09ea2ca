package com.clientservices.desk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task query for a ticket's business key is answered from that ticket's process instances: while it runs the
 * query is given their ids, it finds the same tasks, for the same people, as a query that compares the key alone,
 * and afterwards it is as its caller built it.
 */
@DeskTest
class TaskQueriesByBusinessKeyTest {

    @Autowired
    DeskHttpClient http;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    IdentityService identity;

    @Autowired
    ProcessEngine engine;

    @Test
    void aTicketsKeyIsLookedUpThroughItsProcessInstances() {
        var key = Tickets.submit(http, Tickets.CONTACT, Tickets.valid("Looked up by its key"));
        var instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list().stream()
                .map(ProcessInstance::getId)
                .toList();
        assertThat(instances).as("the support request and its lifecycle").hasSize(2);

        var query = new WatchedTaskQuery(executor());
        query.processInstanceBusinessKey(key);
        var found = as(Tickets.AGENT, query::list);

        assertThat(found).extracting(Task::getTaskDefinitionKey).containsExactly("Task_AcknowledgeTicket");
        assertThat(query.instancesWhileRunning).containsExactlyInAnyOrderElementsOf(instances);
        assertThat(query.getProcessInstanceIdIn())
                .as("the query as its caller built it, so a second run or a saved filter looks the ids up afresh")
                .isNull();
    }

    @Test
    void theSameTasksAreFoundForTheSamePeopleAsByTheKeyAlone() {
        var key = Tickets.submit(http, Tickets.CONTACT, Tickets.valid("Same tasks either way"));
        for (var user : List.of(Tickets.AGENT, "aq-agent", "cs-manager")) {
            var byKey = as(
                    user,
                    () -> ids(tasks.createTaskQuery()
                            .processInstanceBusinessKey(key)
                            .list()));
            // A pattern without wildcards compares the key alone, with no instance ids given.
            var byPattern = as(
                    user,
                    () -> ids(tasks.createTaskQuery()
                            .processInstanceBusinessKeyLike(key)
                            .list()));
            assertThat(byKey).as(user).isEqualTo(byPattern);
            assertThat(as(
                            user,
                            () -> tasks.createTaskQuery()
                                    .processInstanceBusinessKey(key)
                                    .count()))
                    .as(user)
                    .isEqualTo(byPattern.size());
        }
        assertThat(as(
                        Tickets.AGENT,
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(key)
                                .count()))
                .isOne();
        assertThat(as(
                        "aq-agent",
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(key)
                                .count()))
                .as("another team's agent")
                .isZero();
    }

    @Test
    void aKeyWithoutTicketFindsNothing() {
        var query = new WatchedTaskQuery(executor());
        query.processInstanceBusinessKey("CS-999999999");

        assertThat(as(Tickets.AGENT, query::list)).isEmpty();
        assertThat(query.instancesWhileRunning).isNull();
    }

    @Test
    void aQueryWithAlternativesOrItsOwnInstancesIsLeftAsItIs() {
        var first = Tickets.submit(http, Tickets.CONTACT, Tickets.valid("First of two"));
        var second = Tickets.submit(http, Tickets.CONTACT, Tickets.valid("Second of two"));
        var secondInstances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(second).list().stream()
                .map(ProcessInstance::getId)
                .toArray(String[]::new);

        var alternatives = new WatchedTaskQuery(executor());
        alternatives
                .processInstanceBusinessKey(first)
                .or()
                .processInstanceBusinessKey(second)
                .taskDefinitionKey("Task_AcknowledgeTicket")
                .endOr();
        assertThat(alternatives.list()).hasSize(1);
        assertThat(alternatives.instancesWhileRunning).isNull();

        var ownInstances = new WatchedTaskQuery(executor());
        ownInstances.processInstanceBusinessKey(first).processInstanceIdIn(secondInstances);
        assertThat(ownInstances.list()).as("no task is of both").isEmpty();
        assertThat(ownInstances.instancesWhileRunning).containsExactly(secondInstances);
        assertThat(ownInstances.getProcessInstanceIdIn()).containsExactly(secondInstances);
    }

    private CommandExecutor executor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    }

    /** A task query that notes the process instance ids it is run with. */
    static final class WatchedTaskQuery extends TaskQueryImpl {

        String[] instancesWhileRunning;

        WatchedTaskQuery(CommandExecutor executor) {
            super(executor);
        }

        @Override
        public List<Task> executeList(CommandContext context, Page page) {
            instancesWhileRunning = getProcessInstanceIdIn();
            return super.executeList(context, page);
        }
    }

    private <T> T as(String user, Supplier<T> query) {
        return AsUser.as(identity, user, query);
    }

    private static List<String> ids(List<Task> found) {
        return found.stream().map(Task::getId).sorted().toList();
    }
}
