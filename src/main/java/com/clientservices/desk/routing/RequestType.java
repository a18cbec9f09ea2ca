package com.clientservices.desk.routing;

/**
 * One row of the routing table as customers and agents see it; {@code guidance} (last, so the API's earlier fields
 * keep their order) says what a request of this type
 * should include (docs/specification.md §4), in the process owners' words.
 */
public record RequestType(
        String code,
        String label,
        String example,
        String route,
        boolean uiRelated,
        boolean justificationRequired,
        String guidance) {

    /** The route of requests that go to the customer's account representative instead of a team. */
    public static final String ACCOUNT_REPRESENTATIVE = "account-representative";

    public boolean toAccountRepresentative() {
        return ACCOUNT_REPRESENTATIVE.equals(route);
    }
}
