package com.clientservices.desk.identity;

import java.util.Set;

/** Who is calling, with the Camunda groups they belong to. */
public record DeskUser(String id, Set<String> groups) {

    public boolean in(String group) {
        return groups.contains(group);
    }

    /** Admins, auditors and managers read every ticket. */
    public boolean readsEverything() {
        return in(DeskGroups.ADMINS) || in(DeskGroups.AUDITORS) || in(DeskGroups.MANAGERS);
    }
}
