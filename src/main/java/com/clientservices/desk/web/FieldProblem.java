package com.clientservices.desk.web;

/** One bad field of a request and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
