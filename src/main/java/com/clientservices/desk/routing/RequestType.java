package com.clientservices.desk.routing;

/**
 * One row of the routing table as customers and agents see it; {@code guidance} says what a request of this type
 * should include (docs/specification.md §4), in the process owners' words.
 */
public record RequestType(
        String code,
        String label,
        String example,
        String guidance,
        String route,
        boolean uiRelated,
        boolean justificationRequired) {

    /** The route of requests that go to the customer's account representative instead of a team. */
    public static final String ACCOUNT_REPRESENTATIVE = "account-representative";

    public boolean toAccountRepresentative() {
        return ACCOUNT_REPRESENTATIVE.equals(route);
    }
}
