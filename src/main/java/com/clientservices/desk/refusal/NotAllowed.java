package com.clientservices.desk.refusal;

import java.util.List;

/** The signed-in person may not do this. */
public final class NotAllowed extends Refusal {

    public NotAllowed(String message) {
        super(message, List.of());
    }
}
