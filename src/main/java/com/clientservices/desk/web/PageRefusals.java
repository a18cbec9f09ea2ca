package com.clientservices.desk.web;

import com.clientservices.desk.refusal.NotAllowed;
import com.clientservices.desk.refusal.NotFound;
import com.clientservices.desk.refusal.Refusal;

/**
 * What a refusal means on a page, in one place as {@link ApiExceptionHandler} is for the API: a
 * person who may not, or a ticket that is not there, gets the error page in words with its status;
 * any other refusal is the page's to show next to the form, so it is handed back as it is.
 */
public final class PageRefusals {

    private PageRefusals() {}

    /** The exception for the page to throw. */
    public static RuntimeException toPage(Refusal refusal) {
        if (refusal instanceof NotAllowed) {
            return new PageForbidden(refusal.getMessage());
        }
        if (refusal instanceof NotFound) {
            return new PageNotFound(refusal.getMessage());
        }
        return refusal;
    }
}
