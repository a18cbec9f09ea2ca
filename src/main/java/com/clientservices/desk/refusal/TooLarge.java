package com.clientservices.desk.refusal;

import java.util.List;

/** What was sent would take more room than the desk keeps for it (a ticket's attachment quota). */
public final class TooLarge extends Refusal {

    public TooLarge(String message, FieldProblem problem) {
        super(message, List.of(problem));
    }
}
