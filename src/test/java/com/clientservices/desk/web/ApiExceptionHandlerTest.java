package com.clientservices.desk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** What a caller of the API sees when something fails that nobody planned for. */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void anUnforeseenFailureOnTheApiGivesAnErrorIdToQuoteAndKeepsTheInternalsInTheLog() throws Exception {
        var failure = new IllegalStateException("Unique index violation: insert into member values (3001, 'secret')");

        var answer = handler.handleUnexpected(failure, new MockHttpServletRequest("PUT", "/api/members/3001"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        var detail = answer.getBody().getDetail();
        assertThat(detail)
                .matches("The desk could not complete this request\\. .* quote error [0-9a-f]{8} to support\\.");
        assertThat(detail).doesNotContain("insert", "secret", "member");
        assertThat(answer.getBody().getStatus()).isEqualTo(500);
    }

    @Test
    void pagesAndDeliberateStatusesAreLeftToTheirOwnHandling() {
        var onAPage = new IllegalStateException("a page failed");
        assertThatThrownBy(() ->
                        handler.handleUnexpected(onAPage, new MockHttpServletRequest("GET", "/portal/tickets/CS-1")))
                .isSameAs(onAPage);

        var deliberate = new PageNotFound("No ticket CS-9");
        assertThatThrownBy(() ->
                        handler.handleUnexpected(deliberate, new MockHttpServletRequest("GET", "/api/tickets/CS-9")))
                .isSameAs(deliberate);
    }
}
