package com.clientservices.desk.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.clientservices.desk.DeskTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.DefaultBpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionRequirementsDefinitionDeployer;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A model that reached the engine without the deployment check (stored before the check existed)
 * still runs inside the desk's vocabulary (docs/specification.md §8): an expression or script reaching outside it
 * fails when it runs, and nothing of it happens. The models are stored here as they would have
 * been then, through the engine's own parse and deployers only.
 */
@DeskTest
class ModelsStoredBeforeTheCheckStayInTheVocabularyTest {

    private static final String PROCESS = "desk-stored-before-the-check";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    DecisionService decisions;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeTheStoredModels() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
    }

    /** A step of a stored model, and words of the reason it fails with. */
    record Stored(String what, String step, String reason) {

        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Stored> stepsOutsideTheVocabulary() {
        return Stream.of(
                new Stored(
                        "the timer attack's command",
                        serviceTask("${''.getClass().forName('java.lang.Runtime')"
                                + ".getMethod('getRuntime').invoke(null).exec('touch MARKER').waitFor()}"),
                        "getClass"),
                new Stored("the class of a text", serviceTask("${''.getClass().getName()}"), "getClass"),
                new Stored(
                        "a Spring bean outside the vocabulary",
                        serviceTask("${environment.getProperty('user.home')}"),
                        "environment"),
                new Stored(
                        "the data source",
                        serviceTask("${dataSource.getConnection().getMetaData().getURL()}"),
                        "dataSource"),
                new Stored(
                        "the engine behind the execution",
                        serviceTask(
                                "${execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery().count()}"),
                        "getProcessEngineServices"),
                new Stored(
                        "a property of the execution outside the vocabulary",
                        serviceTask("${execution.processDefinitionId}"),
                        "processDefinitionId"),
                new Stored(
                        "a method of a desk bean outside the vocabulary",
                        serviceTask("${slaClock.toString()}"),
                        "toString"),
                new Stored("an execution listener setting a variable", """
                        <bpmn:serviceTask id="Task_Step" camunda:expression="${1 + 1}">
                          <bpmn:extensionElements>
                            <camunda:executionListener event="start" expression="${execution.setVariable('leak', 'set')}" />
                          </bpmn:extensionElements>
                        </bpmn:serviceTask>""", "setVariable"),
                new Stored("a JUEL script, which the engine runs by itself", """
                        <bpmn:scriptTask id="Task_Step" scriptFormat="juel" camunda:resultVariable="leak">
                          <bpmn:script>${''.getClass().getName()}</bpmn:script>
                        </bpmn:scriptTask>""", "No script runs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stepsOutsideTheVocabulary")
    void aStepOutsideTheVocabularyFailsWhenItRunsAndNothingOfItHappens(Stored stored, @TempDir Path dir) {
        var marker = dir.resolve("the-command-ran");
        storeWithoutTheCheck("stored.bpmn", process(stored.step().replace("MARKER", marker.toString())));

        var failure = catchThrowable(() -> runtime.startProcessInstanceByKey(PROCESS));

        assertThat(failure).as("the step fails").isNotNull();
        assertThat(messages(failure)).contains(stored.reason());
        assertThat(marker).as("the command never ran").doesNotExist();
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(PROCESS)
                        .count())
                .as("no instance, no leak")
                .isZero();
    }

    @Test
    void aDecisionCellOutsideTheVocabularyFailsWhenItIsEvaluated() {
        storeWithoutTheCheck("stored.dmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                             id="Definitions_Stored" name="Stored" namespace="http://clientservices.com/desk">
                  <decision id="desk-stored-decision" name="Stored" camunda:historyTimeToLive="P1D">
                    <decisionTable id="DecisionTable_Stored">
                      <input id="Input_Type"><inputExpression id="InputExpression_Type" typeRef="string"><text>requestType</text></inputExpression></input>
                      <output id="Output_Leak" name="leak" typeRef="string" />
                      <rule id="Rule_Leak">
                        <inputEntry id="Rule_Leak_Type"><text>-</text></inputEntry>
                        <outputEntry id="Rule_Leak_Output" expressionLanguage="juel"><text>${''.getClass().getName()}</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """);

        var failure = catchThrowable(() ->
                decisions.evaluateDecisionTableByKey("desk-stored-decision", Map.of("requestType", "AD_SERVING")));

        assertThat(failure).as("the cell fails").isNotNull();
        assertThat(messages(failure)).contains("getClass() on a String, which is not in the desk's vocabulary");
    }

    /**
     * Deploys through the engine's own BPMN parse and decision deployers, without the desk's check,
     * as a model deployed before the check was; the engine's deployers are put back afterwards.
     */
    private void storeWithoutTheCheck(String name, String content) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        var deployers = new ArrayList<Deployer>();
        for (var deployer : configuration.getDeployers()) {
            if (deployer instanceof BpmnDeployer checked) {
                var parser = new BpmnParser(configuration.getExpressionManager(), new DefaultBpmnParseFactory());
                parser.getParseListeners().addAll(checked.getBpmnParser().getParseListeners());
                var unchecked = new BpmnDeployer();
                unchecked.setExpressionManager(configuration.getExpressionManager());
                unchecked.setIdGenerator(configuration.getIdGenerator());
                unchecked.setBpmnParser(parser);
                deployers.add(unchecked);
            } else if (deployer instanceof DecisionRequirementsDefinitionDeployer
                    || deployer instanceof DecisionDefinitionDeployer) {
                deployers.add(deployer);
            }
        }
        configuration.getDeploymentCache().setDeployers(deployers);
        try {
            deployments.add(repository
                    .createDeployment()
                    .name("stored before the check")
                    .addString(name, content)
                    .deploy()
                    .getId());
        } finally {
            configuration.getDeploymentCache().setDeployers(configuration.getDeployers());
        }
    }

    private static String serviceTask(String expression) {
        return "<bpmn:serviceTask id=\"Task_Step\" camunda:expression=\"" + expression
                + "\" camunda:resultVariable=\"leak\" />";
    }

    /** Start, the step, then a wait: an instance that got past the step would stay, with what it leaked. */
    private static String process(String step) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  id="Definitions_Stored" targetNamespace="http://clientservices.com/desk">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Event_Start" />
                    <bpmn:sequenceFlow id="Flow_ToStep" sourceRef="Event_Start" targetRef="Task_Step" />
                %s
                    <bpmn:sequenceFlow id="Flow_ToWait" sourceRef="Task_Step" targetRef="Task_Wait" />
                    <bpmn:userTask id="Task_Wait" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(PROCESS, step);
    }

    private static String messages(Throwable failure) {
        var all = new StringBuilder();
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }
}
