package com.clientservices.desk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.PageBrowser;
import com.clientservices.desk.Tickets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portal's reply box outside WAITING_ON_CUSTOMER (docs/specification.md §5): at any open status
 * a reply adds information and the status stays; within the reopen window a reply reopens a closed
 * ticket. Both need the lifecycle models to take the customer's message (CustomerAddedInformation,
 * CustomerReopened).
 */
@DeskTest
class PortalRepliesAtAnyOpenStatusTest {

    @Autowired
    DeskHttpClient http;

    @Test
    void contactAddsInformationWhileTheTicketIsNew() throws Exception {
        var key = Tickets.submit(http, "More details at NEW");
        var browser = PageBrowser.signIn(http, Tickets.CONTACT);

        assertThat(browser.reply(key, "Placement 5514 too,\nsince 9:00").statusCode())
                .isEqualTo(302);

        var page = browser.get("/portal/tickets/" + key).body();
        assertThat(page)
                .contains("your information is added to the ticket")
                .contains(">New<")
                .contains("Information added by the customer")
                .contains("Placement 5514 too,\nsince 9:00")
                .doesNotContain("role=\"alert\"");
        assertThat(Tickets.status(http, key)).isEqualTo("NEW");
    }

    @Test
    void contactReopensAClosedTicketWithinTheWindow() throws Exception {
        var key = Tickets.closed(http, Tickets.submit(http, "Reopened from the portal"), "Purged the cache");
        var browser = PageBrowser.signIn(http, Tickets.CONTACT);
        assertThat(browser.get("/portal/tickets/" + key).body())
                .contains(">Reopen this ticket</h3>")
                .contains(">Reopen this ticket</button>")
                .contains("Purged the cache");

        assertThat(browser.reply(key, "The blanks are back").statusCode()).isEqualTo(302);

        assertThat(browser.get("/portal/tickets/" + key).body())
                .contains(key + " is open again")
                .contains(">In progress<")
                .contains("The blanks are back");
        assertThat(Tickets.status(http, key)).isEqualTo("IN_PROGRESS");
    }
}
