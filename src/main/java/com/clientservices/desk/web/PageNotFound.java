package com.clientservices.desk.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A page asked for something that does not exist; the browser gets the error page, not problem+json. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PageNotFound extends RuntimeException {

    public PageNotFound(String message) {
        super(message);
    }
}
