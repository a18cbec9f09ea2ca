package com.clientservices.desk.refusal;

import java.util.List;

/** What was sent is of a kind the desk does not take (a file type it does not store). */
public final class UnsupportedContent extends Refusal {

    public UnsupportedContent(String message, FieldProblem problem) {
        super(message, List.of(problem));
    }
}
