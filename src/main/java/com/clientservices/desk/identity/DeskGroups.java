package com.clientservices.desk.identity;

import java.util.List;
import java.util.Optional;

/** The Camunda group ids of docs/specification.md §8; teams are the groups the routing table routes to. */
public final class DeskGroups {

    public static final String ADMINS = "camunda-admin";
    public static final String CLIENT_SERVICES = "client-services";
    public static final String AD_QUALITY = "ad-quality";
    public static final String ANTI_MALVERTISING = "anti-malvertising";
    public static final String INVENTORY_QUALITY = "inventory-quality";
    public static final String APP_SUPPORT = "app-support";
    public static final String MANAGERS = "cs-managers";
    public static final String ACCOUNT_REPRESENTATIVES = "account-representatives";
    public static final String AUDITORS = "auditors";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String CUSTOMERS = "customers";
    public static final String ENGINEERING = "engineering";
    /** Service users that scrape the desk's metrics (Prometheus). */
    public static final String MONITORING = "monitoring";

    /** The teams that work tickets in Tasklist, with the names their queues show. */
    public static final List<Team> TEAMS = List.of(
            new Team(CLIENT_SERVICES, "Client Services"),
            new Team(AD_QUALITY, "Ad Quality"),
            new Team(ANTI_MALVERTISING, "Anti-Malvertising"),
            new Team(INVENTORY_QUALITY, "Inventory Quality"),
            new Team(APP_SUPPORT, "App Support"));

    private DeskGroups() {}

    /** A team's name as its queue shows it, when the id is one of the teams. */
    public static Optional<String> teamName(String id) {
        return TEAMS.stream()
                .filter(team -> team.id().equals(id))
                .map(Team::name)
                .findFirst();
    }

    public record Team(String id, String name) {}
}
