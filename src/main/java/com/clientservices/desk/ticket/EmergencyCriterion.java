package com.clientservices.desk.ticket;

/** What makes a request an emergency (docs/specification.md §3); the customer names one or more. */
public enum EmergencyCriterion {
    PRODUCTION_FEATURE_BROKEN_NO_WORKAROUND,
    SIGNIFICANT_FINANCIAL_LOSS
}
