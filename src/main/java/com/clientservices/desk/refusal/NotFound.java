package com.clientservices.desk.refusal;

import java.util.List;

/** What was asked for does not exist, or is not to be told apart from something that does not. */
public final class NotFound extends Refusal {

    public NotFound(String message) {
        super(message, List.of());
    }
}
