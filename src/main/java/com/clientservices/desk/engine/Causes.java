package com.clientservices.desk.engine;

import java.util.Optional;

/**
 * What made an engine command fail: the engine wraps what a step, listener or job threw, often more than once, so
 * the desk's interceptors and job handling look for their own exception along the chain of causes.
 */
public final class Causes {

    private Causes() {}

    /** The first exception of that type in the chain of {@code failure}, {@code failure} itself included. */
    public static <T extends Throwable> Optional<T> first(Throwable failure, Class<T> type) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }
}
