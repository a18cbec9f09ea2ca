package com.clientservices.desk.refusal;

import java.util.List;

/** The request is well-formed but the ticket (or member) is not in a state that takes it. */
public final class Conflict extends Refusal {

    public Conflict(String message) {
        super(message, List.of());
    }
}
