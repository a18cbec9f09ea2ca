package com.clientservices.desk.demo;

import com.clientservices.desk.DeskProperties;
import com.clientservices.desk.identity.DeskGroups;
import com.clientservices.desk.identity.DeskUser;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.ticket.NewTicket;
import com.clientservices.desk.ticket.TicketIntake;
import com.clientservices.desk.ticket.TicketRepository;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo identities of docs/specification.md §8 (password {@code demo}), the two demo customers and, on the first
 * start, a few sample tickets across teams so that Tasklist is not empty. Never active in the
 * prod profile.
 */
@Component
@ConditionalOnProperty(name = "desk.demo.enabled", havingValue = "true")
class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String PASSWORD = "demo";

    private final IdentityService identity;
    private final Members members;
    private final TicketIntake intake;
    private final TicketRepository tickets;
    private final boolean sampleTickets;

    DemoData(
            IdentityService identity,
            Members members,
            TicketIntake intake,
            TicketRepository tickets,
            DeskProperties properties) {
        this.identity = identity;
        this.members = members;
        this.intake = intake;
        this.tickets = tickets;
        this.sampleTickets = properties.demo().sampleTickets();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    public void create() {
        user("cs-agent", "Casey", "Agent", DeskGroups.CLIENT_SERVICES);
        user("aq-agent", "Alex", "Quality", DeskGroups.AD_QUALITY);
        user("am-agent", "Morgan", "Malvertising", DeskGroups.ANTI_MALVERTISING);
        user("iq-agent", "Jordan", "Inventory", DeskGroups.INVENTORY_QUALITY);
        user("app-agent", "Riley", "App", DeskGroups.APP_SUPPORT);
        user("cs-manager", "Sam", "Manager", DeskGroups.MANAGERS, DeskGroups.CLIENT_SERVICES);
        user("account-rep", "Avery", "Representative", DeskGroups.ACCOUNT_REPRESENTATIVES);
        user("auditor", "Dana", "Auditor", DeskGroups.AUDITORS);
        user("process-owner", "Parker", "Owner", DeskGroups.PROCESS_OWNERS);
        user("spoc-acme", "Pat", "Acme", DeskGroups.CUSTOMERS);
        user("spoc-globex", "Lee", "Globex", DeskGroups.CUSTOMERS);
        user("engineering-bot", "Engineering", "Bot", DeskGroups.ENGINEERING);

        member(1001, "Acme Media", "account-rep", "spoc-acme");
        member(1002, "Globex Ads", "account-rep", "spoc-globex");

        if (sampleTickets && tickets.count() == 0) {
            submitSampleTickets();
        }
    }

    private void submitSampleTickets() {
        var acme = new DeskUser("spoc-acme", Set.of(DeskGroups.CUSTOMERS));
        var globex = new DeskUser("spoc-globex", Set.of(DeskGroups.CUSTOMERS));
        intake.submit(
                sample(
                        1001L,
                        "AD_SERVING",
                        "Homepage placements show blanks since this morning",
                        "Placements 5512 and 5513 return empty creatives on about 30% of impressions.",
                        "Lost impressions on our largest campaign.",
                        false),
                acme);
        intake.submit(
                sample(
                        1001L,
                        "CREATIVE_AUDITING",
                        "Creative 88231 rejected but meets the policy",
                        "The creative was rejected for 'misleading claims' but only shows the product price.",
                        "Campaign launch is blocked.",
                        false),
                acme);
        intake.submit(
                sample(
                        1002L,
                        "APP_BUG",
                        "App will not load after login",
                        "After signing in, the app shows a spinner forever.",
                        "Traders cannot work.",
                        false),
                globex);
        intake.submit(
                sample(
                        1002L,
                        "INVENTORY_QUALITY",
                        "Campaign serving on a site below inventory standards",
                        "Campaign 4410 served on a parked domain.",
                        "Brand safety concern.",
                        false),
                globex);
        intake.submit(
                sample(
                        1001L,
                        "BILLING",
                        "Question about last month's invoice",
                        "The invoice shows two platform fees.",
                        "Finance needs an answer before month end.",
                        false),
                acme);
        LOG.info("Submitted {} sample tickets for the demo customers", tickets.count());
    }

    private static NewTicket sample(
            Long member, String type, String subject, String description, String impact, boolean emergency) {
        return new NewTicket(
                member,
                type,
                subject,
                description,
                impact,
                emergency,
                null,
                null,
                List.of("placement:5512"),
                Map.of("memberId", String.valueOf(member)),
                "1. Open the placement preview. 2. Reload ten times.",
                null,
                null,
                null);
    }

    private void user(String id, String firstName, String lastName, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@desk.example");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
        for (var group : groups) {
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identity.createMembership(id, group);
            }
        }
    }

    private void member(long id, String name, String representative, String contact) {
        if (members.find(id).isEmpty()) {
            members.register(new Members.Member(id, name, representative));
            members.addContact(id, contact);
        }
    }
}
