package com.clientservices.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * GET /api/tickets/{key} carries the conversation (docs/specification.md §9): every message to
 * and from the customer in order, with when, from whom, which kind and what it says.
 */
@DeskTest
class TicketConversationApiTest {

    @Autowired
    DeskHttpClient http;

    @Autowired
    Conversation conversation;

    @Test
    void ticketListsTheQuestionsAndTheCustomersAnswerInOrder() {
        var key = Tickets.waitingOnCustomer(http, Tickets.submit(http, "Conversation in the API"), "Which placements?");
        assertThat(http.post(Tickets.CONTACT, "/api/tickets/" + key + "/replies", "{\"message\":\"5512 and 5513\"}")
                        .status())
                .isEqualTo(200);

        var conversation =
                http.get(Tickets.CONTACT, "/api/tickets/" + key).json().path("conversation");
        assertThat(conversation).hasSize(3);
        assertThat(conversation.get(0).path("kind").asText())
                .as("the acknowledgement the lifecycle sent opens the conversation")
                .isEqualTo("ACKNOWLEDGEMENT");
        assertThat(conversation.get(0).path("from").asText()).isEqualTo(Tickets.AGENT);
        assertThat(conversation.get(1).path("kind").asText()).isEqualTo("QUESTIONS");
        assertThat(conversation.get(1).path("from").asText()).isEqualTo(Tickets.AGENT);
        assertThat(conversation.get(1).path("text").asText()).isEqualTo("Which placements?");
        assertThat(conversation.get(2).path("kind").asText()).isEqualTo("ANSWER");
        assertThat(conversation.get(2).path("from").asText()).isEqualTo(Tickets.CONTACT);
        assertThat(conversation.get(2).path("text").asText()).isEqualTo("5512 and 5513");
        var asked = OffsetDateTime.parse(conversation.get(1).path("at").asText());
        var answered = OffsetDateTime.parse(conversation.get(2).path("at").asText());
        assertThat(answered).isAfterOrEqualTo(asked);
    }

    @Test
    void theAcknowledgementAndAddedInformationAreMessagesOfTheConversation() {
        var key = Tickets.submit(http, "Acknowledged, then more information");
        var id = TicketKey.parse(key).orElseThrow();
        // As the lifecycle and TicketWork record them: the acknowledgement by the team, the added information by the
        // contact.
        conversation.add(id, Conversation.Kind.ACKNOWLEDGEMENT, "team", Conversation.NO_NOTE);
        conversation.add(id, Conversation.Kind.ADDED_INFORMATION, Tickets.CONTACT, "Placement 5514 too");

        var messages = http.get(Tickets.CONTACT, "/api/tickets/" + key).json().path("conversation");

        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("kind").asText()).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(messages.get(0).path("from").asText()).isEqualTo("team");
        assertThat(messages.get(0).path("text").asText()).isEqualTo(Conversation.NO_NOTE);
        assertThat(messages.get(1).path("kind").asText()).isEqualTo("ADDED_INFORMATION");
        assertThat(messages.get(1).path("from").asText()).isEqualTo(Tickets.CONTACT);
        assertThat(messages.get(1).path("text").asText()).isEqualTo("Placement 5514 too");
        assertThat(OffsetDateTime.parse(messages.get(1).path("at").asText()))
                .isAfterOrEqualTo(
                        OffsetDateTime.parse(messages.get(0).path("at").asText()));
    }

    @Test
    void theSameWordsAnsweringNewQuestionsAreANewAnswerButTheSameWordsAgainAreNot() {
        var key = Tickets.waitingOnCustomer(http, Tickets.submit(http, "Two rounds of questions"), "Which browsers?");
        var reply = "{\"message\":\"See the attached screenshot\"}";
        assertThat(http.post(Tickets.CONTACT, "/api/tickets/" + key + "/replies", reply)
                        .status())
                .isEqualTo(200);
        var again = http.post(Tickets.CONTACT, "/api/tickets/" + key + "/replies", reply);
        assertThat(again.status()).as("a double click: %s", again.body()).isEqualTo(409);

        http.completeTask(
                Tickets.AGENT,
                key,
                "Task_DiagnoseIssue",
                "{\"diagnosisOutcome\":{\"value\":\"NEED_CUSTOMER_INFO\"},"
                        + "\"customerQuestions\":{\"value\":\"And which placements?\"}}");
        var answer = http.post(Tickets.CONTACT, "/api/tickets/" + key + "/replies", reply);

        assertThat(answer.status())
                .as("the answer to the new questions: %s", answer.body())
                .isEqualTo(200);
        var ticket = http.get(Tickets.CONTACT, "/api/tickets/" + key).json();
        assertThat(ticket.path("status").asText()).isEqualTo("IN_PROGRESS");
        var kinds = new ArrayList<String>();
        ticket.path("conversation")
                .forEach(message -> kinds.add(message.path("kind").asText()));
        assertThat(kinds).containsExactly("ACKNOWLEDGEMENT", "QUESTIONS", "ANSWER", "QUESTIONS", "ANSWER");
    }

    @Test
    void aNewTicketHasAnEmptyConversation() {
        var key = Tickets.submit(http, "No conversation yet");
        assertThat(http.get(Tickets.CONTACT, "/api/tickets/" + key).json().path("conversation"))
                .isEmpty();
    }
}
