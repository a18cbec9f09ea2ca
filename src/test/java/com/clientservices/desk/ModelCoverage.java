package com.clientservices.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Records every flow node entered and sequence flow taken in this test run, so a test can prove
 * that some test covered every element of a model (the coverage report under target/ shows it).
 */
@TestConfiguration
public class ModelCoverage extends AbstractProcessEnginePlugin {

    private static final Set<String> COVERED = ConcurrentHashMap.newKeySet();

    /** The ids of the model's flow nodes and sequence flows that no test has reached yet. */
    public static Set<String> uncovered(RepositoryService repository, String processKey) {
        var missing = new TreeSet<String>();
        elements(repository, processKey).stream()
                .filter(id -> !COVERED.contains(processKey + "/" + id))
                .forEach(missing::add);
        // The engine never takes the flows out of an event-based gateway: the event that happened
        // starts the node after it, so reaching that node is taking its flow.
        model(repository, processKey).getModelElementsByType(SequenceFlow.class).stream()
                .filter(flow -> flow.getSource() instanceof EventBasedGateway)
                .filter(flow ->
                        COVERED.contains(processKey + "/" + flow.getTarget().getId()))
                .forEach(flow -> missing.remove(flow.getId()));
        return missing;
    }

    /** The ids of the flow nodes and sequence flows of the model's latest version. */
    public static Set<String> elements(RepositoryService repository, String processKey) {
        var model = model(repository, processKey);
        var ids = new TreeSet<String>();
        model.getModelElementsByType(FlowNode.class).forEach(node -> ids.add(node.getId()));
        model.getModelElementsByType(SequenceFlow.class).forEach(flow -> ids.add(flow.getId()));
        return ids;
    }

    private static BpmnModelInstance model(RepositoryService repository, String processKey) {
        var definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(processKey)
                .latestVersion()
                .singleResult();
        return repository.getBpmnModelInstance(definition.getId());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new Recorder());
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private static final class Recorder extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
            record(definition.getKey(), definition);
        }

        private void record(String processKey, ScopeImpl scope) {
            for (ActivityImpl activity : scope.getActivities()) {
                ExecutionListener entered = execution -> COVERED.add(processKey + "/" + activity.getId());
                activity.addListener(ExecutionListener.EVENTNAME_START, entered);
                for (PvmTransition transition : activity.getOutgoingTransitions()) {
                    ExecutionListener taken = execution -> COVERED.add(processKey + "/" + transition.getId());
                    ((TransitionImpl) transition).addListener(ExecutionListener.EVENTNAME_TAKE, taken);
                }
                record(processKey, activity);
            }
        }
    }
}
