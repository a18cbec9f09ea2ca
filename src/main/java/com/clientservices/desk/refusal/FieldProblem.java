package com.clientservices.desk.refusal;

/** One bad field of a request and what is wrong with it. */
public record FieldProblem(String field, String message) {}
