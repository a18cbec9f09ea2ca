package com.clientservices.desk.audit;

import com.clientservices.desk.identity.PersonNames;
import com.clientservices.desk.ticket.Ticket;
import com.clientservices.desk.words.DeskTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Component;

/**
 * A ticket's path through the models it ran (docs/specification.md §14): for each of its processes (the support
 * request, its lifecycle, a breach's handling), the BPMN of the exact version it ran and every step it took, with
 * when, who and how long, the timers that fired, and the step it waits in now. The engine's history records the
 * steps, not the flows between them: a step was reached by the flow from the step that ended last before it.
 */
@Component
class TicketPath {

    // Tickets from before messages left by a job of their own kept one delivery process per message
    // under the ticket's key; they are not the ticket's path.
    private static final String DELIVERY_PROCESS = "deliver-notification";
    private static final Set<String> TIMERS = Set.of("boundaryTimer", "intermediateTimer", "startTimerEvent");
    private static final Set<String> JOINS = Set.of("parallelGateway", "inclusiveGateway");
    private static final String MULTI_INSTANCE_BODY = "multiInstanceBody";
    private static final String BODY_SUFFIX = "#" + MULTI_INSTANCE_BODY;

    private final HistoryService history;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final DeskTime time;

    TicketPath(HistoryService history, RepositoryService repository, IdentityService identity, DeskTime time) {
        this.history = history;
        this.repository = repository;
        this.identity = identity;
        this.time = time;
    }

    /** One step of the path: the model's element, what happened there in words, and how to mark it. */
    record Step(
            String activityId,
            String name,
            String started,
            String who,
            String took,
            int times,
            boolean timerFired,
            boolean current) {}

    /** One model as the ticket ran it. */
    record Diagram(String name, int version, String xml, List<Step> steps, List<String> flows) {}

    List<Diagram> of(Ticket ticket) {
        var people = new PersonNames(identity);
        var diagrams = new ArrayList<Diagram>();
        var instances = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(ticket.key())
                .orderByProcessInstanceStartTime()
                .asc()
                .list();
        for (var instance : instances) {
            if (DELIVERY_PROCESS.equals(instance.getProcessDefinitionKey())) {
                continue;
            }
            var activities = history.createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId())
                    .orderByHistoricActivityInstanceStartTime()
                    .asc()
                    .orderPartiallyByOccurrence()
                    .asc()
                    .list();
            var definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
            diagrams.add(new Diagram(
                    definition.getName() == null ? definition.getKey() : definition.getName(),
                    definition.getVersion(),
                    ModelXml.of(repository, instance.getProcessDefinitionId()),
                    steps(activities, people),
                    flows(instance.getProcessDefinitionId(), activities)));
        }
        return diagrams;
    }

    private List<Step> steps(List<HistoricActivityInstance> activities, PersonNames people) {
        var byActivity = new LinkedHashMap<String, List<HistoricActivityInstance>>();
        for (var activity : activities) {
            byActivity
                    .computeIfAbsent(activity.getActivityId(), id -> new ArrayList<>())
                    .add(activity);
        }
        var steps = new ArrayList<Step>();
        byActivity.forEach((id, runs) -> {
            var last = runs.get(runs.size() - 1);
            var took = last.getEndTime() == null
                    ? "waiting since " + time.at(last.getStartTime().toInstant())
                    : "took " + DeskTime.span(Duration.ofMillis(Math.max(0, last.getDurationInMillis())));
            steps.add(new Step(
                    id,
                    last.getActivityName() == null ? id : last.getActivityName(),
                    time.at(last.getStartTime().toInstant()),
                    last.getAssignee() == null ? "" : people.of(last.getAssignee()),
                    took,
                    runs.size(),
                    TIMERS.contains(last.getActivityType()) && last.getEndTime() != null,
                    runs.stream().anyMatch(run -> run.getEndTime() == null)));
        });
        return steps;
    }

    /**
     * The flows the ticket took. Each arrival at a step came by the flow from the step of the same scope that
     * ended last before it (the earlier one in the history's order when both ended in the same millisecond);
     * a parallel or inclusive join waits for several, so every incoming flow whose source ended before it counts.
     */
    private List<String> flows(String definitionId, List<HistoricActivityInstance> activities) {
        var incoming = new HashMap<String, List<Flow>>();
        for (var flow : repository.getBpmnModelInstance(definitionId).getModelElementsByType(SequenceFlow.class)) {
            incoming.computeIfAbsent(flow.getTarget().getId(), id -> new ArrayList<>())
                    .add(new Flow(flow.getId(), flow.getSource().getId()));
        }
        return taken(incoming, activities);
    }

    /** A sequence flow by its id and the id of the step it leaves. */
    record Flow(String id, String source) {}

    /**
     * The flows taken, given each step's incoming flows and the history's steps in its order. A multi-instance
     * step is one step on the diagram: the history records its body ({@code Task_X#multiInstanceBody}), which the
     * flows join, and each run inside it, which they do not.
     */
    static List<String> taken(Map<String, List<Flow>> incoming, List<HistoricActivityInstance> history) {
        var bodies = history.stream()
                .filter(step -> MULTI_INSTANCE_BODY.equals(step.getActivityType()))
                .map(HistoricActivityInstance::getId)
                .collect(Collectors.toSet());
        var activities = history.stream()
                .filter(step -> !bodies.contains(step.getParentActivityInstanceId()))
                .toList();
        var taken = new TreeSet<String>();
        for (int at = 0; at < activities.size(); at++) {
            var arrival = activities.get(at);
            var join = JOINS.contains(arrival.getActivityType());
            Flow cameBy = null;
            int cameFrom = -1;
            for (var flow : incoming.getOrDefault(onDiagram(arrival), List.of())) {
                for (int from = 0; from < activities.size(); from++) {
                    var source = activities.get(from);
                    if (!onDiagram(source).equals(flow.source()) || !ledTo(source, from, arrival, at)) {
                        continue;
                    }
                    if (join) {
                        taken.add(flow.id());
                    } else if (cameBy == null || endedLater(source, from, activities.get(cameFrom), cameFrom)) {
                        cameBy = flow;
                        cameFrom = from;
                    }
                }
            }
            if (cameBy != null) {
                taken.add(cameBy.id());
            }
        }
        return List.copyOf(taken);
    }

    /** The id of the diagram's element a step of the history ran. */
    private static String onDiagram(HistoricActivityInstance step) {
        var id = step.getActivityId();
        return id.endsWith(BODY_SUFFIX) ? id.substring(0, id.length() - BODY_SUFFIX.length()) : id;
    }

    /** Whether the source step, in the arrival's scope, had ended when the arrival began. */
    private static boolean ledTo(HistoricActivityInstance source, int from, HistoricActivityInstance arrival, int at) {
        if (source.getEndTime() == null
                || !Objects.equals(source.getParentActivityInstanceId(), arrival.getParentActivityInstanceId())) {
            return false;
        }
        var ended = source.getEndTime();
        var began = arrival.getStartTime();
        return ended.before(began) || (ended.equals(began) && from < at);
    }

    private static boolean endedLater(
            HistoricActivityInstance one, int oneAt, HistoricActivityInstance other, int otherAt) {
        var order = one.getEndTime().compareTo(other.getEndTime());
        return order > 0 || (order == 0 && oneAt > otherAt);
    }
}
