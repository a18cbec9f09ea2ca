package com.clientservices.desk.ticket;

import java.util.Optional;
import java.util.regex.Pattern;

/** The key people see, {@code CS-<number>}; the number is the ticket row's id. */
public final class TicketKey {

    private static final Pattern FORMAT = Pattern.compile("CS-([1-9][0-9]{0,17})");

    private TicketKey() {}

    public static String of(long id) {
        return "CS-" + id;
    }

    public static Optional<Long> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(key);
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }
}
