package com.clientservices.desk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import com.clientservices.desk.WebappBrowser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What agents see of a new ticket in Tasklist (docs/specification.md §5, §8): checked through the engine REST API and
 * the Tasklist sign-in as each demo user over real HTTP, so that the engine's authorizations apply.
 */
@DeskTest
class TasklistVisibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The engine REST API's date format, e.g. 2026-11-30T14:00:00.000+0000. */
    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private static final String ACKNOWLEDGE = "Task_AcknowledgeTicket";

    @Autowired
    ProcessEngine engine;

    @Autowired
    TaskService tasks;

    @Autowired
    FormService forms;

    @Autowired
    RepositoryService repository;

    @Autowired
    DeskHttpClient http;

    @Test
    void engineApiRefusesCallersWithoutCredentialsAndCustomers() {
        var anonymous = http.get(null, "/engine-rest/task");
        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);

        var customer = http.get("spoc-acme", "/engine-rest/task");
        assertThat(customer.status()).as(customer.body()).isEqualTo(403);

        var otherCustomer = http.get("spoc-globex", "/engine-rest/filter");
        assertThat(otherCustomer.status()).as(otherCustomer.body()).isEqualTo(403);
    }

    @Test
    void authorizationIsEnforcedByTheEngine() {
        assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled())
                .isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"cs-agent", "cs-manager"})
    void clientServicesTicketIsAnAcknowledgeTaskForTheTeam(String user) {
        var ticket = submit("AD_SERVING", "Placements blank on the homepage");
        var key = ticket.path("key").asText();

        var task = onlyTask(user, key);

        assertThat(task.path("taskDefinitionKey").asText()).isEqualTo(ACKNOWLEDGE);
        assertThat(task.path("name").asText()).contains(key).contains("Placements blank on the homepage");
        assertThat(engineDate(task.path("due").asText()))
                .isEqualTo(OffsetDateTime.parse(ticket.path("acknowledgeBy").asText())
                        .toInstant());
        assertThat(candidateGroups(user, task.path("id").asText())).containsExactly("client-services");
        var byGroup =
                http.get(user, "/engine-rest/task?candidateGroup=client-services&processInstanceBusinessKey=" + key);
        assertThat(byGroup.json().size()).isEqualTo(1);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"aq-agent", "am-agent", "iq-agent", "app-agent"})
    void clientServicesTaskIsHiddenFromOtherTeams(String user) {
        var key = submit("AD_SERVING", "Blank placements").path("key").asText();

        var response = http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + key);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().size()).as(response.body()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).count())
                .as("the task exists, only hidden")
                .isEqualTo(1);
    }

    @Test
    void adQualityTicketIsAnAcknowledgeTaskForAdQualityOnly() {
        var key = submit("CREATIVE_AUDITING", "Creative 88231 rejected")
                .path("key")
                .asText();

        var task = onlyTask("aq-agent", key);
        assertThat(task.path("taskDefinitionKey").asText()).isEqualTo(ACKNOWLEDGE);
        assertThat(task.path("name").asText()).contains(key).contains("Creative 88231 rejected");
        assertThat(candidateGroups("aq-agent", task.path("id").asText())).containsExactly("ad-quality");

        var clientServices = http.get("cs-agent", "/engine-rest/task?processInstanceBusinessKey=" + key);
        assertThat(clientServices.status()).isEqualTo(200);
        assertThat(clientServices.json().size()).as(clientServices.body()).isZero();
    }

    @Test
    void agentSeesTheirTeamQueueAndTheEmergencyFilterButNotOtherTeamsQueues() {
        var key = submit("AD_SERVING", "Queue check").path("key").asText();
        var taskId = onlyTask("cs-agent", key).path("id").asText();

        var filters = http.get("cs-agent", "/engine-rest/filter");
        assertThat(filters.status()).as(filters.body()).isEqualTo(200);
        var names = new ArrayList<String>();
        filters.json().forEach(filter -> names.add(filter.path("name").asText()));
        assertThat(names).contains("Client Services queue", "Emergencies first").doesNotContain("Ad Quality queue");

        var queueId = idOf(filters.json(), "Client Services queue");
        var queue = http.get("cs-agent", "/engine-rest/filter/" + queueId + "/list?maxResults=1000");
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        assertThat(ids(queue.json())).contains(taskId);

        var emergencies = http.get(
                "cs-agent",
                "/engine-rest/filter/" + idOf(filters.json(), "Emergencies first") + "/list?maxResults=1000");
        assertThat(emergencies.status()).as(emergencies.body()).isEqualTo(200);
        assertThat(ids(emergencies.json())).contains(taskId);

        var adQualityFilters = http.get("aq-agent", "/engine-rest/filter");
        var adQualityNames = new ArrayList<String>();
        adQualityFilters
                .json()
                .forEach(filter -> adQualityNames.add(filter.path("name").asText()));
        assertThat(adQualityNames).contains("Ad Quality queue").doesNotContain("Client Services queue");
    }

    @Test
    void acknowledgeTaskOpensTheDeployedCamundaForm() {
        var key = submit("AD_SERVING", "Form check").path("key").asText();
        var taskId = onlyTask("cs-agent", key).path("id").asText();

        var form = http.get("cs-agent", "/engine-rest/task/" + taskId + "/form");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        // The model references the form with camunda:formRef (binding "latest", so a process owner
        // can deploy a changed model without its forms), and the engine answers with that reference.
        var formRef = form.json().path("camundaFormRef");
        assertThat(formRef.path("key").asText()).isEqualTo("acknowledge-ticket");
        assertThat(formRef.path("binding").asText()).isEqualTo("latest");
        assertThat(form.json().path("key").isNull()).as(form.body()).isTrue();

        var deployed = http.get("cs-agent", "/engine-rest/task/" + taskId + "/deployed-form");
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        assertThat(deployed.json().path("id").asText()).isEqualTo("acknowledge-ticket");
        var fieldKeys = new ArrayList<String>();
        // The fields sit in groups ("Your response") below the ticket's text views.
        deployed.json().findValues("key").forEach(field -> fieldKeys.add(field.asText()));
        assertThat(fieldKeys).contains("acknowledgementNote", "downgradeToStandard", "downgradeReason");
    }

    @Test
    void formsFromTheRepositoryAreDeployedAndResolvedByTheirTasks() throws IOException {
        var key = submit("AD_SERVING", "Form deployment check").path("key").asText();
        var task = tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult();

        var formRef = forms.getTaskFormData(task.getId()).getCamundaFormRef();
        assertThat(formRef.getKey()).isEqualTo("acknowledge-ticket");
        assertThat(formRef.getBinding()).isEqualTo("latest");

        // The application's own deployment holds every form of forms/, as it is in the repository.
        var formResources = repository.createDeploymentQuery().orderByDeploymentTime().desc().list().stream()
                .map(deployment -> repository.getDeploymentResourceNames(deployment.getId()))
                .filter(names -> names.stream().anyMatch(name -> name.endsWith(".form")))
                .findFirst()
                .orElseThrow()
                .stream()
                .filter(name -> name.endsWith(".form"))
                .toList();
        assertThat(formResources)
                .anyMatch(name -> name.endsWith("acknowledge-ticket.form"))
                .anyMatch(name -> name.endsWith("diagnose-issue.form"))
                .anyMatch(name -> name.endsWith("send-status-update.form"))
                .anyMatch(name -> name.endsWith("confirm-resolution.form"))
                .anyMatch(name -> name.endsWith("handle-sla-breach.form"));
        try (var deployed = forms.getDeployedTaskForm(task.getId())) {
            assertThat(JSON.readTree(deployed).path("id").asText()).isEqualTo("acknowledge-ticket");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"demo", "cs-agent"})
    void staffSignInToTasklist(String user) {
        var response = new WebappBrowser(http.port()).signIn(user, "demo", "tasklist");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var authentication = json(response.body());
        assertThat(authentication.path("userId").asText()).isEqualTo(user);
        assertThat(texts(authentication.path("authorizedApps"))).contains("tasklist");
    }

    @Test
    void customerContactCannotSignInToTasklist() {
        var response = new WebappBrowser(http.port()).signIn("spoc-acme", "demo", "tasklist");

        // The right password and a valid CSRF token: refused as a wrong password is, so that a failed
        // sign-in never tells a customer's account apart (WebappSignInAnswersTest).
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("X-XSRF-TOKEN"))
                .as("refused for CSRF")
                .isNotEqualTo(Optional.of("Required"));
    }

    @Test
    void customerContactCannotSignInToAnyCamundaWebappNotEvenWelcome() {
        for (var app : List.of("welcome", "tasklist", "cockpit", "admin")) {
            var response = new WebappBrowser(http.port()).signIn("spoc-acme", "demo", app);
            assertThat(response.statusCode()).as("%s: %s", app, response.body()).isEqualTo(401);
        }
        assertThat(new WebappBrowser(http.port())
                        .signIn("cs-agent", "demo", "welcome")
                        .statusCode())
                .isEqualTo(200);
    }

    private JsonNode submit(String requestType, String subject) {
        return Tickets.created(http, Tickets.CONTACT, Tickets.valid(Tickets.MEMBER, requestType, subject));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private JsonNode onlyTask(String user, String businessKey) {
        var response = http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().size())
                .as(user + " sees the task of " + businessKey + ": " + response.body())
                .isEqualTo(1);
        return response.json().get(0);
    }

    private List<String> candidateGroups(String user, String taskId) {
        var response = http.get(user, "/engine-rest/task/" + taskId + "/identity-links?type=candidate");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var groups = new ArrayList<String>();
        response.json().forEach(link -> groups.add(link.path("groupId").asText()));
        return groups;
    }

    private static Instant engineDate(String text) {
        return OffsetDateTime.parse(text, ENGINE_DATE).toInstant();
    }

    private static String idOf(JsonNode filters, String name) {
        for (var filter : filters) {
            if (name.equals(filter.path("name").asText())) {
                return filter.path("id").asText();
            }
        }
        throw new AssertionError("no filter named " + name + " in " + filters);
    }

    private static List<String> ids(JsonNode tasks) {
        var ids = new ArrayList<String>();
        tasks.forEach(task -> ids.add(task.path("id").asText()));
        return ids;
    }
}
