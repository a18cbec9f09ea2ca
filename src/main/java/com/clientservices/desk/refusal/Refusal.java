package com.clientservices.desk.refusal;

import java.util.List;

/**
 * A request the desk turns down on purpose, with a message for the person who made it; the kinds
 * are the subclasses, so that the web layer maps each to its answer in one place.
 */
public abstract sealed class Refusal extends RuntimeException
        permits NotFound, NotAllowed, Invalid, Conflict, TooLarge, UnsupportedContent {

    private final transient List<FieldProblem> problems;

    Refusal(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** Each bad field, when the refusal is about fields; otherwise empty. */
    public List<FieldProblem> problems() {
        return problems;
    }
}
