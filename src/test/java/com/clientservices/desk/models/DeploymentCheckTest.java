package com.clientservices.desk.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process owner's deployment runs on the server, so it is checked before anything of it is
 * stored (docs/specification.md §8): models built from the desk's vocabulary are deployed; a script, a Java class,
 * a connector or an expression reaching outside the vocabulary is refused with 400 naming the
 * resource, the element and the reason, and nothing is deployed.
 */
@DeskTest
class DeploymentCheckTest {

    private static final String DEPLOY = "/engine-rest/deployment/create";

    @Autowired
    RepositoryService repository;

    @Autowired
    ManagementService management;

    @Autowired
    DeskHttpClient http;

    // ---------------------------------------------------------------------------------------------
    // The attack as it was: code behind a timer that is already due.

    @Test
    void aTimerStartingAnExpressionThatRunsACommandIsRefusedAndNothingIsDeployedOrRun(@TempDir Path dir) {
        var marker = dir.resolve("the-attack-ran");
        var attack = bpmn("desk-attack", """
                <bpmn:startEvent id="Event_Due">
                  <bpmn:outgoing>Flow_ToAttack</bpmn:outgoing>
                  <bpmn:timerEventDefinition id="Timer_Due">
                    <bpmn:timeDate xsi:type="bpmn:tFormalExpression">2020-01-01T00:00:00Z</bpmn:timeDate>
                  </bpmn:timerEventDefinition>
                </bpmn:startEvent>
                <bpmn:sequenceFlow id="Flow_ToAttack" sourceRef="Event_Due" targetRef="Task_Attack" />
                <bpmn:serviceTask id="Task_Attack" name="Attack" camunda:expression="${&quot;&quot;.getClass().forName(&quot;java.lang.Runtime&quot;).getMethod(&quot;getRuntime&quot;).invoke(null).exec(&quot;touch MARKER&quot;).waitFor()}">
                  <bpmn:incoming>Flow_ToAttack</bpmn:incoming>
                </bpmn:serviceTask>
                """.replace("MARKER", marker.toString()));
        var before = counts();

        var response = deploy("attack.bpmn", attack);
        // What the job executor would do within a second: run every due job of the attack's model.
        management
                .createJobQuery()
                .processDefinitionKey("desk-attack")
                .executable()
                .list()
                .forEach(job -> {
                    try {
                        management.executeJob(job.getId());
                    } catch (RuntimeException e) {
                        // a failing job is not the attack running
                    }
                });

        assertThat(marker).as("the command never ran").doesNotExist();
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertRefused(response, "attack.bpmn", "Task_Attack", List.of("getClass"));
        assertThat(counts())
                .as("no deployment, process definition or timer job")
                .isEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------
    // Every place a model can carry code or an expression, with the ways in.

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelsReachingOutsideTheVocabulary")
    void aModelReachingOutsideTheVocabularyIsRefusedNamingTheElementAndTheReason(Refused model) {
        var before = counts();

        var response = deploy(model.file(), model.content());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertRefused(response, model.file(), model.element(), model.reasons());
        assertThat(counts()).as("nothing deployed").isEqualTo(before);
    }

    @Test
    void oneRefusedFileRefusesTheWholeDeployment() throws IOException {
        var files = new LinkedHashMap<String, String>();
        files.put("standard-issue.bpmn", Files.readString(Paths.get("processes/standard-issue.bpmn")));
        files.put("routing.dmn", decision(cell("inputEntry", "Rule_Check_Type", "juel", "${''.getClass()}")));
        var before = counts();

        var response = http.upload("process-owner", DEPLOY, files);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertRefused(response, "routing.dmn", "Rule_Check_Type", List.of("getClass"));
        assertThat(counts()).as("not even the harmless model is deployed").isEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------
    // What the desk's models are made of stays deployable.

    @Test
    void theShippedModelsAndFormsAreDeployedAsTheyAre() throws IOException {
        var files = new LinkedHashMap<String, String>();
        for (var folder : List.of("processes", "forms")) {
            try (var paths = Files.list(Paths.get(folder))) {
                for (var path : paths.sorted().toList()) {
                    files.put(path.getFileName().toString(), Files.readString(path));
                }
            }
        }
        assertThat(files).hasSize(11);

        var response = http.upload("process-owner", DEPLOY, files);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("deployedProcessDefinitions")).hasSize(4);
        assertThat(response.json().path("deployedDecisionDefinitions")).hasSize(2);
    }

    @Test
    void aModelCallingEveryBeanAndMethodOfTheVocabularyIsDeployed() {
        var files = Map.of(
                "vocabulary.bpmn",
                VOCABULARY_MODEL,
                "vocabulary.dmn",
                VOCABULARY_DECISION,
                "vocabulary.form",
                VOCABULARY_FORM);

        var response = http.upload("process-owner", DEPLOY, files);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("deployedProcessDefinitions")).hasSize(1);
        assertThat(response.json().path("deployedDecisionDefinitions")).hasSize(1);
    }

    // ---------------------------------------------------------------------------------------------

    /** A refused model: what it tries, the file, the element the answer names and words of the reason. */
    record Refused(String what, String file, String content, String element, List<String> reasons) {

        @Override
        public String toString() {
            return what;
        }
    }

    /** An expression that reaches outside the vocabulary, and a word its refusal names. */
    private record Payload(String expression, String reason) {}

    private static final List<Payload> PAYLOADS = List.of(
            new Payload("${''.getClass().forName('java.lang.Runtime')}", "getClass"),
            new Payload("${dataSource.getConnection()}", "getConnection() on dataSource"),
            new Payload("${environment.getProperty('user.home')}", "getProperty() on environment"),
            new Payload("${conversation.add(1, null, 'x', 'y')}", "conversation.add()"),
            new Payload("${execution.getProcessEngineServices().getRuntimeService()}", "getProcessEngineServices"),
            new Payload("${execution.class}", "'class' of execution"),
            new Payload("${''.class}", "'class'"),
            new Payload("#{slaClock.getClass().getClassLoader()}", "slaClock.getClass()"),
            new Payload("${task.execution.getProcessEngine()}", "getProcessEngine"),
            new Payload("${execution.getVariable('team').getClass()}", "getClass"),
            new Payload("${execution['class']}", "'class' of execution"),
            new Payload("${fn:exec('id')}", "function fn:exec"),
            new Payload("${slaClock.calendar}", "'calendar' of slaClock"));

    /** A place an expression may stand: the model around it and the element the refusal names. */
    private record Place(String what, String element, Function<String, String> model) {}

    private static final List<Place> PLACES = List.of(
            new Place("execution listener", "Task_Check", e -> bpmn("""
                    <bpmn:serviceTask id="Task_Check" camunda:expression="${ticketStatus.change(execution, 'CLOSED')}">
                      <bpmn:extensionElements><camunda:executionListener expression="%s" event="start" /></bpmn:extensionElements>
                    </bpmn:serviceTask>""".formatted(e))),
            new Place("task listener", "Task_Check", e -> bpmn("""
                    <bpmn:userTask id="Task_Check" camunda:candidateGroups="${team}">
                      <bpmn:extensionElements><camunda:taskListener expression="%s" event="create" /></bpmn:extensionElements>
                    </bpmn:userTask>""".formatted(e))),
            new Place("condition of a sequence flow", "Flow_Check", e -> bpmn("""
                    <bpmn:exclusiveGateway id="Gateway_Check" />
                    <bpmn:endEvent id="Event_End" />
                    <bpmn:sequenceFlow id="Flow_Check" sourceRef="Gateway_Check" targetRef="Event_End">
                      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">%s</bpmn:conditionExpression>
                    </bpmn:sequenceFlow>""".formatted(e))),
            new Place("input parameter", "Task_Check", e -> bpmn("""
                    <bpmn:sendTask id="Task_Check" camunda:delegateExpression="${sendNotification}">
                      <bpmn:extensionElements><camunda:inputOutput>
                        <camunda:inputParameter name="template">%s</camunda:inputParameter>
                      </camunda:inputOutput></bpmn:extensionElements>
                    </bpmn:sendTask>""".formatted(e))),
            new Place("output parameter", "Task_Check", e -> bpmn("""
                    <bpmn:serviceTask id="Task_Check" camunda:delegateExpression="${recordRoute}">
                      <bpmn:extensionElements><camunda:inputOutput>
                        <camunda:outputParameter name="route">%s</camunda:outputParameter>
                      </camunda:inputOutput></bpmn:extensionElements>
                    </bpmn:serviceTask>""".formatted(e))),
            new Place("timer date", "Event_Check", e -> bpmn("""
                    <bpmn:intermediateCatchEvent id="Event_Check">
                      <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">%s</bpmn:timeDate></bpmn:timerEventDefinition>
                    </bpmn:intermediateCatchEvent>""".formatted(e))),
            new Place("timer duration", "Event_Check", e -> bpmn("""
                    <bpmn:startEvent id="Event_Check">
                      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">%s</bpmn:timeDuration></bpmn:timerEventDefinition>
                    </bpmn:startEvent>""".formatted(e))),
            new Place("candidate groups", "Task_Check", e -> bpmn("""
                    <bpmn:userTask id="Task_Check" camunda:candidateGroups="%s" />""".formatted(e))),
            new Place("due date", "Task_Check", e -> bpmn("""
                    <bpmn:userTask id="Task_Check" camunda:candidateGroups="${team}" camunda:dueDate="%s" />""".formatted(e))),
            new Place("service task expression", "Task_Check", e -> bpmn("""
                    <bpmn:serviceTask id="Task_Check" camunda:expression="%s" />""".formatted(e))),
            new Place("priority", "Task_Check", e -> bpmn("""
                    <bpmn:userTask id="Task_Check" camunda:candidateGroups="${team}" camunda:priority="%s" />""".formatted(e))),
            new Place("business key of a called process", "Activity_Check", e -> bpmn("""
                    <bpmn:callActivity id="Activity_Check" calledElement="standard-issue">
                      <bpmn:extensionElements><camunda:in businessKey="%s" /></bpmn:extensionElements>
                    </bpmn:callActivity>""".formatted(e))),
            new Place("called element", "Activity_Check", e -> bpmn("""
                    <bpmn:callActivity id="Activity_Check" calledElement="%s" />""".formatted(e))),
            new Place("decision reference", "Task_Check", e -> bpmn("""
                    <bpmn:businessRuleTask id="Task_Check" camunda:decisionRef="%s" />""".formatted(e))),
            new Place("form reference", "Task_Check", e -> bpmn("""
                    <bpmn:userTask id="Task_Check" camunda:formRef="%s" camunda:formRefBinding="latest" />""".formatted(e))),
            new Place("task name", "Task_Check", e -> bpmn("""
                    <bpmn:userTask id="Task_Check" name="Review %s" />""".formatted(e))),
            new Place("job retry cycle", "Task_Check", e -> bpmn("""
                    <bpmn:serviceTask id="Task_Check" camunda:asyncBefore="true" camunda:delegateExpression="${deliverNotification}">
                      <bpmn:extensionElements><camunda:failedJobRetryTimeCycle>%s</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>
                    </bpmn:serviceTask>""".formatted(e))),
            new Place(
                    "message name",
                    "Message_Check",
                    e -> bpmn("""
                    <bpmn:receiveTask id="Task_Wait" messageRef="Message_Check" />""")
                            .replace(
                                    "</bpmn:definitions>",
                                    "<bpmn:message id=\"Message_Check\" name=\"%s\" /></bpmn:definitions>"
                                            .formatted(e))));

    static Stream<Refused> modelsReachingOutsideTheVocabulary() {
        var models = new ArrayList<Refused>();
        // Three expressions in each place, taking turns, so that every expression is tried in several places.
        for (int i = 0; i < PLACES.size(); i++) {
            var place = PLACES.get(i);
            for (int j = 0; j < 3; j++) {
                var payload = PAYLOADS.get((3 * i + j) % PAYLOADS.size());
                models.add(new Refused(
                        place.what() + ": " + payload.expression(),
                        "check.bpmn",
                        place.model().apply(payload.expression()),
                        place.element(),
                        List.of(payload.reason())));
            }
        }
        models.addAll(CODE);
        return models.stream();
    }

    private static final List<Refused> CODE = List.of(
            refusedBpmn("another ticket's key given to a called process", "Task_Call", "business key", """
                    <bpmn:callActivity id="Task_Call" calledElement="standard-issue">
                      <bpmn:extensionElements><camunda:in businessKey="CS-1001" /></bpmn:extensionElements>
                    </bpmn:callActivity>"""),
            refusedBpmn("a key read from a variable given to a called process", "Task_Call", "business key", """
                    <bpmn:callActivity id="Task_Call" calledElement="standard-issue">
                      <bpmn:extensionElements><camunda:in businessKey="${ticketKey}" /></bpmn:extensionElements>
                    </bpmn:callActivity>"""),
            refusedBpmn(
                    "Java class on a service task",
                    "Task_Check",
                    "Java class",
                    "<bpmn:serviceTask id=\"Task_Check\" camunda:class=\"java.lang.Runtime\" />"),
            refusedBpmn(
                    "Java class on a send task",
                    "Task_Check",
                    "Java class",
                    "<bpmn:sendTask id=\"Task_Check\" camunda:class=\"com.clientservices.desk.notification.SendNotification\" />"),
            refusedBpmn("Java class on a message event", "Event_Check", "Java class", """
                    <bpmn:intermediateThrowEvent id="Event_Check">
                      <bpmn:messageEventDefinition camunda:class="org.example.Exfiltrate" />
                    </bpmn:intermediateThrowEvent>"""),
            refusedBpmn("Java class as an execution listener", "Task_Check", "Java class", """
                    <bpmn:serviceTask id="Task_Check" camunda:delegateExpression="${recordRoute}">
                      <bpmn:extensionElements><camunda:executionListener class="org.example.Listener" event="start" /></bpmn:extensionElements>
                    </bpmn:serviceTask>"""),
            refusedBpmn("Java class as a task listener", "Task_Check", "Java class", """
                    <bpmn:userTask id="Task_Check">
                      <bpmn:extensionElements><camunda:taskListener class="org.example.Listener" event="create" /></bpmn:extensionElements>
                    </bpmn:userTask>"""),
            refusedBpmn("Java class as a listener on a sequence flow", "Flow_Check", "Java class", """
                    <bpmn:startEvent id="Event_Start" /><bpmn:endEvent id="Event_End" />
                    <bpmn:sequenceFlow id="Flow_Check" sourceRef="Event_Start" targetRef="Event_End">
                      <bpmn:extensionElements><camunda:executionListener class="org.example.Listener" event="take" /></bpmn:extensionElements>
                    </bpmn:sequenceFlow>"""),
            refusedBpmn(
                    "Java class mapping a called process's variables",
                    "Activity_Check",
                    "Java class",
                    "<bpmn:callActivity id=\"Activity_Check\" calledElement=\"standard-issue\" camunda:variableMappingClass=\"org.example.Mapping\" />"),
            refusedBpmn(
                    "Java class handling a task's form",
                    "Task_Check",
                    "Java class",
                    "<bpmn:userTask id=\"Task_Check\" camunda:formHandlerClass=\"org.example.FormHandler\" />"),
            refusedBpmn(
                    "delegate expression naming a bean outside the vocabulary",
                    "Task_Check",
                    "delegates",
                    "<bpmn:serviceTask id=\"Task_Check\" camunda:delegateExpression=\"${dataSource}\" />"),
            refusedBpmn("delegate expression naming the environment", "Task_Check", "delegates", """
                    <bpmn:userTask id="Task_Check">
                      <bpmn:extensionElements><camunda:taskListener delegateExpression="${environment}" event="create" /></bpmn:extensionElements>
                    </bpmn:userTask>"""),
            refusedBpmn(
                    "variable mapping by an expression outside the vocabulary",
                    "Activity_Check",
                    "delegates",
                    "<bpmn:callActivity id=\"Activity_Check\" calledElement=\"standard-issue\" "
                            + "camunda:variableMappingDelegateExpression=\"${execution.getProcessEngineServices()}\" />"),
            refusedBpmn("script task in JavaScript", "Task_Check", "script", """
                    <bpmn:scriptTask id="Task_Check" scriptFormat="javascript"><bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script></bpmn:scriptTask>"""),
            refusedBpmn("script task in Groovy", "Task_Check", "script", """
                    <bpmn:scriptTask id="Task_Check" scriptFormat="groovy"><bpmn:script>'id'.execute()</bpmn:script></bpmn:scriptTask>"""),
            refusedBpmn("script task in JUEL, which the engine runs by itself", "Task_Check", "script", """
                    <bpmn:scriptTask id="Task_Check" scriptFormat="juel"><bpmn:script>${''.getClass()}</bpmn:script></bpmn:scriptTask>"""),
            refusedBpmn("script in an execution listener", "Task_Check", "script", """
                    <bpmn:serviceTask id="Task_Check" camunda:delegateExpression="${recordRoute}">
                      <bpmn:extensionElements><camunda:executionListener event="start">
                        <camunda:script scriptFormat="javascript">java.lang.System.exit(1)</camunda:script>
                      </camunda:executionListener></bpmn:extensionElements>
                    </bpmn:serviceTask>"""),
            refusedBpmn("script in a task listener", "Task_Check", "script", """
                    <bpmn:userTask id="Task_Check">
                      <bpmn:extensionElements><camunda:taskListener event="create">
                        <camunda:script scriptFormat="juel">${task.execution.getProcessEngine()}</camunda:script>
                      </camunda:taskListener></bpmn:extensionElements>
                    </bpmn:userTask>"""),
            refusedBpmn("script computing an input parameter", "Task_Check", "script", """
                    <bpmn:sendTask id="Task_Check" camunda:delegateExpression="${sendNotification}">
                      <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="template">
                        <camunda:script scriptFormat="groovy">'id'.execute().text</camunda:script>
                      </camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>
                    </bpmn:sendTask>"""),
            refusedBpmn("script loaded from a resource", "Task_Check", "script", """
                    <bpmn:serviceTask id="Task_Check" camunda:delegateExpression="${recordRoute}">
                      <bpmn:extensionElements><camunda:executionListener event="end">
                        <camunda:script scriptFormat="javascript" resource="deployment://evil.js" />
                      </camunda:executionListener></bpmn:extensionElements>
                    </bpmn:serviceTask>"""),
            refusedBpmn(
                    "condition in JavaScript",
                    "Flow_Check",
                    "script",
                    condition("javascript", "java.lang.System.exit(1)")),
            refusedBpmn("condition in Groovy", "Flow_Check", "script", condition("groovy", "'id'.execute() != null")),
            refusedBpmn("condition as a JUEL script", "Flow_Check", "script", condition("juel", "${true}")),
            refusedBpmn("connector on a service task", "Task_Check", "connector", """
                    <bpmn:serviceTask id="Task_Check">
                      <bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements>
                    </bpmn:serviceTask>"""),
            refusedBpmn("connector on a send task", "Task_Check", "connector", """
                    <bpmn:sendTask id="Task_Check">
                      <bpmn:extensionElements><camunda:connector><camunda:connectorId>mail-send</camunda:connectorId></camunda:connector></bpmn:extensionElements>
                    </bpmn:sendTask>"""),
            refusedBpmn("connector on a message end event", "Event_Check", "connector", """
                    <bpmn:endEvent id="Event_Check"><bpmn:messageEventDefinition>
                      <bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements>
                    </bpmn:messageEventDefinition></bpmn:endEvent>"""),
            refusedBpmn("form field validator naming a class", "Task_Check", "validator", """
                    <bpmn:userTask id="Task_Check">
                      <bpmn:extensionElements><camunda:formData><camunda:formField id="note" type="string">
                        <camunda:validation><camunda:constraint name="validator" config="org.example.Validator" /></camunda:validation>
                      </camunda:formField></camunda:formData></bpmn:extensionElements>
                    </bpmn:userTask>"""),
            refusedBpmn("form field validator by an expression", "Task_Check", "validator", """
                    <bpmn:userTask id="Task_Check">
                      <bpmn:extensionElements><camunda:formData><camunda:formField id="note" type="string">
                        <camunda:validation><camunda:constraint name="validator" config="${dataSource}" /></camunda:validation>
                      </camunda:formField></camunda:formData></bpmn:extensionElements>
                    </bpmn:userTask>"""),
            refusedBpmn(
                    "form field default value by an expression outside the vocabulary", "Task_Check", "getClass", """
                    <bpmn:userTask id="Task_Check">
                      <bpmn:extensionElements><camunda:formData>
                        <camunda:formField id="note" type="string" defaultValue="${''.getClass().getName()}" />
                      </camunda:formData></bpmn:extensionElements>
                    </bpmn:userTask>"""),
            // Decisions
            refusedDmn(
                    "decision cell in JavaScript",
                    "Rule_Check_Type",
                    "script",
                    decision(cell("inputEntry", "Rule_Check_Type", "javascript", "java.lang.System.exit(1)"))),
            refusedDmn(
                    "decision cell in Groovy",
                    "Rule_Check_Route",
                    "script",
                    decision(cell("outputEntry", "Rule_Check_Route", "groovy", "'id'.execute().text"))),
            refusedDmn(
                    "decision input in Python",
                    "InputExpression_Type",
                    "script",
                    decision(cell(
                            "inputExpression", "InputExpression_Type", "python", "__import__('os').system('id')"))),
            refusedDmn(
                    "decision whose default language is JavaScript",
                    "Definitions_Check",
                    "script",
                    decision()
                            .replace(
                                    "id=\"Definitions_Check\"",
                                    "id=\"Definitions_Check\" expressionLanguage=\"javascript\"")),
            refusedDmn(
                    "decision cell in JUEL calling getClass",
                    "Rule_Check_Type",
                    "getClass",
                    decision(cell(
                            "inputEntry", "Rule_Check_Type", "juel", "${''.getClass().forName('java.lang.Runtime')}"))),
            refusedDmn(
                    "decision output in JUEL reading a bean outside the vocabulary",
                    "Rule_Check_Route",
                    "dataSource",
                    decision(cell("outputEntry", "Rule_Check_Route", "juel", "dataSource.getConnection()"))),
            refusedDmn(
                    "decision input in JUEL reaching the engine",
                    "InputExpression_Type",
                    "getProcessEngineServices",
                    decision(cell(
                            "inputExpression",
                            "InputExpression_Type",
                            "JUEL",
                            "execution.getProcessEngineServices()"))),
            refusedDmn(
                    "decision output with a FEEL external function",
                    "Rule_Check_Route",
                    "external function",
                    decision(cell("outputEntry", "Rule_Check_Route", null, feelExternal("\"user.home\"")))),
            refusedDmn(
                    "decision input with a FEEL external function",
                    "InputExpression_Type",
                    "external function",
                    decision(cell("inputExpression", "InputExpression_Type", "feel", feelExternal("requestType")))),
            refusedDmn(
                    "literal decision with a FEEL external function",
                    "LiteralExpression_Check",
                    "external function",
                    """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                                 id="Definitions_Literal" name="Check" namespace="http://clientservices.com/desk">
                      <decision id="desk-check-literal" name="Check" camunda:historyTimeToLive="P1D">
                        <variable id="Variable_Check" name="home" typeRef="string" />
                        <literalExpression id="LiteralExpression_Check"><text>%s</text></literalExpression>
                      </decision>
                    </definitions>
                    """.formatted(feelExternal("\"user.home\""))),
            // Forms
            refusedForm(
                    "form showing markup",
                    "Field_Markup",
                    "html",
                    "{\"id\": \"Field_Markup\", \"type\": \"html\", \"content\": \"<img src=x onerror=alert(1)>\"}"),
            refusedForm(
                    "form embedding another page",
                    "Field_Page",
                    "iframe",
                    "{\"id\": \"Field_Page\", \"type\": \"iframe\", \"url\": \"https://evil.example\"}"),
            refusedForm(
                    "form condition with a FEEL external function",
                    "Field_Note",
                    "external function",
                    "{\"id\": \"Field_Note\", \"type\": \"textfield\", \"key\": \"note\", \"conditional\": {\"hide\": \"="
                            + feelExternal("\"user.home\"").replace("\"", "\\\"") + " = null\"}}"),
            // Files the engine would store and serve
            new Refused("a script file", "evil.js", "java.lang.System.exit(1)", null, List.of("evil.js", "not a BPMN")),
            new Refused(
                    "a web page", "evil.html", "<script>alert(1)</script>", null, List.of("evil.html", "not a BPMN")),
            new Refused("a case model", "case.cmmn", "<definitions/>", null, List.of("case.cmmn", "not a BPMN")));

    /** FEEL calling System.getProperty with the given argument, through an external function. */
    private static String feelExternal(String argument) {
        return "{property: function(key) external {java: {class: \"java.lang.System\", "
                + "method signature: \"getProperty(java.lang.String)\"}}, value: property(" + argument + ")}.value";
    }

    private static Refused refusedBpmn(String what, String element, String reason, String elements) {
        return new Refused(what, "check.bpmn", bpmn(elements), element, List.of(reason));
    }

    private static Refused refusedDmn(String what, String element, String reason, String model) {
        return new Refused(what, "check.dmn", model, element, List.of(reason));
    }

    private static Refused refusedForm(String what, String element, String reason, String component) {
        return new Refused(what, "check.form", """
                {"id": "desk-check-form", "type": "default", "schemaVersion": 16, "components": [
                  {"id": "Field_Subject", "type": "textfield", "key": "subject", "label": "Subject", "disabled": true},
                  %s
                ]}""".formatted(component), element, List.of(reason));
    }

    private static String condition(String language, String script) {
        return """
                <bpmn:exclusiveGateway id="Gateway_Check" /><bpmn:endEvent id="Event_End" />
                <bpmn:sequenceFlow id="Flow_Check" sourceRef="Gateway_Check" targetRef="Event_End">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="%s">%s</bpmn:conditionExpression>
                </bpmn:sequenceFlow>""".formatted(language, script);
    }

    // ---------------------------------------------------------------------------------------------

    private static String bpmn(String elements) {
        return bpmn("desk-check", elements);
    }

    private static String bpmn(String processId, String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Check" targetNamespace="http://clientservices.com/desk">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(processId, elements);
    }

    /** A routing table whose cells are the given ones where given, plain FEEL otherwise. */
    private static String decision(String... cells) {
        var byTag = new LinkedHashMap<String, String>();
        byTag.put("inputExpression", cell("inputExpression", "InputExpression_Type", null, "requestType"));
        byTag.put("inputEntry", cell("inputEntry", "Rule_Check_Type", null, "\"AD_SERVING\""));
        byTag.put("outputEntry", cell("outputEntry", "Rule_Check_Route", null, "\"client-services\""));
        for (var cell : cells) {
            byTag.put(cell.substring(1, cell.indexOf(' ')), cell);
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                             id="Definitions_Check" name="Check" namespace="http://clientservices.com/desk">
                  <decision id="desk-check-decision" name="Check" camunda:historyTimeToLive="P1D">
                    <decisionTable id="DecisionTable_Check" hitPolicy="FIRST">
                      <input id="Input_Type" label="Request type">%s</input>
                      <output id="Output_Route" name="route" typeRef="string" />
                      <rule id="Rule_Check">%s%s</rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(byTag.get("inputExpression"), byTag.get("inputEntry"), byTag.get("outputEntry"));
    }

    private static String cell(String tag, String id, String language, String text) {
        var type = "inputExpression".equals(tag) ? " typeRef=\"string\"" : "";
        var lang = language == null ? "" : " expressionLanguage=\"" + language + "\"";
        return "<" + tag + " id=\"" + id + "\"" + type + lang + "><text>" + xml(text) + "</text></" + tag + ">";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private DeskHttpClient.Response deploy(String file, String content) {
        return http.upload("process-owner", DEPLOY, file, content);
    }

    /**
     * The engine REST API's answer to a refused deployment: 400 problem+json with the parse details,
     * the resource's errors each naming its element.
     */
    private static void assertRefused(
            DeskHttpClient.Response response, String resource, String element, List<String> reasons) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        var body = response.json();
        var errors = StreamSupport.stream(
                        body.path("details").path(resource).path("errors").spliterator(), false)
                .toList();
        assertThat(errors)
                .as("the errors of %s in %s", resource, response.body())
                .isNotEmpty();
        var named = errors.stream()
                .filter(error -> element == null
                        || element.equals(error.path("mainElementId").asText()))
                .map(error -> error.path("message").asText())
                .toList();
        assertThat(named)
                .as("an error naming %s in %s", element, response.body())
                .hasSize(1);
        var message = named.get(0);
        if (element != null) {
            assertThat(message).startsWith(element + ": ");
        }
        reasons.forEach(reason -> assertThat(message).containsIgnoringCase(reason));
    }

    private record Counts(long deployments, long processDefinitions, long decisionDefinitions, long jobs) {}

    private Counts counts() {
        return new Counts(
                repository.createDeploymentQuery().count(),
                repository.createProcessDefinitionQuery().count(),
                repository.createDecisionDefinitionQuery().count(),
                management.createJobQuery().count());
    }

    // ---------------------------------------------------------------------------------------------
    // Every bean, method and engine object of the vocabulary, as a process owner would use them.

    private static final String VOCABULARY_MODEL = bpmn("desk-vocabulary", """
            <bpmn:startEvent id="Event_Start"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_Route" />
            <bpmn:businessRuleTask id="Task_Route" camunda:decisionRef="request-routing" camunda:decisionRefBinding="latest">
              <bpmn:extensionElements><camunda:inputOutput>
                <camunda:outputParameter name="route">${decisionResult.getSingleResult().getEntry('route')}</camunda:outputParameter>
              </camunda:inputOutput></bpmn:extensionElements>
              <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
            </bpmn:businessRuleTask>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Route" targetRef="Task_RecordRoute" />
            <bpmn:serviceTask id="Task_RecordRoute" camunda:delegateExpression="${recordRoute}">
              <bpmn:extensionElements>
                <camunda:executionListener expression="${ticketStatus.change(execution, 'ACKNOWLEDGED')}" event="start" />
                <camunda:executionListener expression="${conversation.note(execution, 'RESOLUTION', 'resolutionSummary')}" event="end" />
              </bpmn:extensionElements>
              <bpmn:incoming>Flow_2</bpmn:incoming><bpmn:outgoing>Flow_3</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_RecordRoute" targetRef="Task_Clocks" />
            <bpmn:serviceTask id="Task_Clocks" camunda:expression="${slaClock.start(execution, 'ACKNOWLEDGEMENT')}">
              <bpmn:extensionElements>
                <camunda:executionListener expression="${slaClock.warn(execution, 'ACKNOWLEDGEMENT')}" event="start" />
                <camunda:executionListener expression="${slaClock.breach(execution, 'ACKNOWLEDGEMENT')}" event="start" />
                <camunda:executionListener expression="${slaClock.stop(execution, 'ACKNOWLEDGEMENT')}" event="end" />
                <camunda:executionListener expression="${slaClock.startStatusUpdate(execution, 'PT1H')}" event="end" />
                <camunda:executionListener expression="${slaClock.deliverStatusUpdate(execution)}" event="end" />
                <camunda:executionListener expression="${slaClock.stopStatusUpdates(execution)}" event="end" />
              </bpmn:extensionElements>
              <bpmn:incoming>Flow_3</bpmn:incoming><bpmn:outgoing>Flow_4</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="Flow_4" sourceRef="Task_Clocks" targetRef="Task_Work" />
            <bpmn:userTask id="Task_Work" name="Work ${subject}" camunda:formRef="desk-vocabulary-form" camunda:formRefBinding="latest"
                           camunda:candidateGroups="${team}" camunda:dueDate="${execution.getVariable('nextResponseBy')}"
                           camunda:priority="${emergency ? 95 : 90}">
              <bpmn:extensionElements>
                <camunda:taskListener delegateExpression="${describeTask}" event="create" />
                <camunda:taskListener delegateExpression="${requireFormFields}" event="complete" />
                <camunda:taskListener expression="${ticketStatus.change(task.execution, 'IN_PROGRESS')}" event="assignment" />
              </bpmn:extensionElements>
              <bpmn:incoming>Flow_4</bpmn:incoming><bpmn:outgoing>Flow_5</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_5" sourceRef="Task_Work" targetRef="Gateway_Outcome" />
            <bpmn:exclusiveGateway id="Gateway_Outcome" default="Flow_Other"><bpmn:incoming>Flow_5</bpmn:incoming></bpmn:exclusiveGateway>
            <bpmn:sequenceFlow id="Flow_Reroute" sourceRef="Gateway_Outcome" targetRef="Task_Reroute">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${diagnosisOutcome == 'REROUTE' &amp;&amp; not empty rerouteTeam}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Flow_Ask" sourceRef="Gateway_Outcome" targetRef="Task_Ask">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${execution.getVariable('downgradeToStandard') == true || questions > 2 * 1}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Flow_Other" sourceRef="Gateway_Outcome" targetRef="Task_Downgrade" />
            <bpmn:serviceTask id="Task_Reroute" camunda:delegateExpression="${rerouteTicket}" />
            <bpmn:serviceTask id="Task_Ask" camunda:delegateExpression="${askCustomer}" />
            <bpmn:serviceTask id="Task_Downgrade" camunda:delegateExpression="${downgradeEmergency}"><bpmn:outgoing>Flow_6</bpmn:outgoing></bpmn:serviceTask>
            <bpmn:sequenceFlow id="Flow_6" sourceRef="Task_Downgrade" targetRef="Task_Notify" />
            <bpmn:sendTask id="Task_Notify" camunda:delegateExpression="${sendNotification}">
              <bpmn:extensionElements><camunda:inputOutput>
                <camunda:inputParameter name="template">acknowledgement</camunda:inputParameter>
                <camunda:inputParameter name="to">customer</camunda:inputParameter>
              </camunda:inputOutput></bpmn:extensionElements>
              <bpmn:incoming>Flow_6</bpmn:incoming><bpmn:outgoing>Flow_7</bpmn:outgoing>
            </bpmn:sendTask>
            <bpmn:sequenceFlow id="Flow_7" sourceRef="Task_Notify" targetRef="Activity_Standard" />
            <bpmn:callActivity id="Activity_Standard" calledElement="standard-issue" camunda:calledElementBinding="latest">
              <bpmn:extensionElements>
                <camunda:in businessKey="#{execution.processBusinessKey}" />
                <camunda:in variables="all" />
              </bpmn:extensionElements>
              <bpmn:incoming>Flow_7</bpmn:incoming><bpmn:outgoing>Flow_8</bpmn:outgoing>
            </bpmn:callActivity>
            <bpmn:boundaryEvent id="Event_Due" attachedToRef="Activity_Standard">
              <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${acknowledgeBy}</bpmn:timeDate></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="Flow_8" sourceRef="Activity_Standard" targetRef="Task_Deliver" />
            <bpmn:serviceTask id="Task_Deliver" camunda:asyncBefore="true" camunda:delegateExpression="${deliverNotification}">
              <bpmn:extensionElements><camunda:failedJobRetryTimeCycle>R6/PT10M</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>
              <bpmn:incoming>Flow_8</bpmn:incoming>
            </bpmn:serviceTask>
            """);

    private static final String VOCABULARY_DECISION = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                         id="Definitions_Vocabulary" name="Vocabulary" namespace="http://clientservices.com/desk">
              <decision id="desk-vocabulary-decision" name="Priority" camunda:historyTimeToLive="P1D">
                <decisionTable id="DecisionTable_Vocabulary" hitPolicy="FIRST">
                  <input id="Input_Type" label="Request type">
                    <inputExpression id="InputExpression_Type" typeRef="string"><text>requestType</text></inputExpression>
                  </input>
                  <input id="Input_Objects" label="Object ids">
                    <inputExpression id="InputExpression_Objects" typeRef="integer" expressionLanguage="juel"><text>${empty objectIds ? 0 : objectCount}</text></inputExpression>
                  </input>
                  <output id="Output_Priority" name="priority" typeRef="integer" />
                  <rule id="Rule_Many">
                    <inputEntry id="Rule_Many_Type"><text>"AD_SERVING","APP_BUG"</text></inputEntry>
                    <inputEntry id="Rule_Many_Objects"><text>[10..50]</text></inputEntry>
                    <outputEntry id="Rule_Many_Priority"><text>90</text></outputEntry>
                  </rule>
                  <rule id="Rule_Juel">
                    <inputEntry id="Rule_Juel_Type" expressionLanguage="juel"><text>${cellInput == 'BILLING' &amp;&amp; emergency}</text></inputEntry>
                    <inputEntry id="Rule_Juel_Objects"><text>-</text></inputEntry>
                    <outputEntry id="Rule_Juel_Priority" expressionLanguage="juel"><text>emergency ? 95 : 50</text></outputEntry>
                  </rule>
                  <rule id="Rule_Other">
                    <inputEntry id="Rule_Other_Type"><text>not("TRAINING")</text></inputEntry>
                    <inputEntry id="Rule_Other_Objects"><text>&lt; 10</text></inputEntry>
                    <outputEntry id="Rule_Other_Priority"><text>if emergency then 80 else 50</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    private static final String VOCABULARY_FORM = """
            {"id": "desk-vocabulary-form", "type": "default", "schemaVersion": 16, "components": [
              {"id": "Field_Subject", "type": "textfield", "key": "subject", "label": "Subject", "disabled": true},
              {"id": "Field_Outcome", "type": "radio", "key": "outcome", "label": "Outcome", "validate": {"required": true},
               "values": [{"label": "Resolved", "value": "RESOLVED"}, {"label": "Reroute", "value": "REROUTE"}]},
              {"id": "Field_Note", "type": "textarea", "key": "note", "label": "Note", "validate": {"maxLength": 3900},
               "conditional": {"hide": "=outcome != \\"RESOLVED\\" and not(emergency = true)"}},
              {"id": "Field_Count", "type": "number", "key": "count", "label": "=if emergency then \\"Urgent count\\" else \\"Count\\""},
              {"id": "Group_More", "type": "group", "label": "More", "components": [
                {"id": "Field_Agree", "type": "checkbox", "key": "agree", "label": "Agree"}]}
            ]}""";
}
