package com.clientservices.desk.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A page the signed-in person may not see; the browser gets the error page, not problem+json. */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class PageForbidden extends RuntimeException {

    public PageForbidden(String message) {
        super(message);
    }
}
