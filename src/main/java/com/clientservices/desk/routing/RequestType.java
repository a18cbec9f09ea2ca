package com.clientservices.desk.routing;

/** One row of the routing table as customers and agents see it. */
public record RequestType(
        String code, String label, String example, String route, boolean uiRelated, boolean justificationRequired) {

    /** The route of requests that go to the customer's account representative instead of a team. */
    public static final String ACCOUNT_REPRESENTATIVE = "account-representative";

    public boolean toAccountRepresentative() {
        return ACCOUNT_REPRESENTATIVE.equals(route);
    }
}
