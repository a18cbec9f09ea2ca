package com.clientservices.desk.refusal;

import java.util.List;

/** One or more fields of the request are wrong; the message names them, each problem says why. */
public final class Invalid extends Refusal {

    public Invalid(List<FieldProblem> problems) {
        super(
                "Invalid request: "
                        + String.join(
                                ", ",
                                problems.stream()
                                        .map(FieldProblem::field)
                                        .distinct()
                                        .toList()),
                problems);
    }

    public Invalid(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }
}
