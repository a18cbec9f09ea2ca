package com.clientservices.desk.identity;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;

/**
 * People by full name for one page or one form (docs/specification.md §13), each looked up once however often they
 * appear in it.
 */
public final class PersonNames {

    private final IdentityService identity;
    private final Map<String, Optional<String>> known = new HashMap<>();

    public PersonNames(IdentityService identity) {
        this.identity = identity;
    }

    /** The person's full name, or the id as it is when the desk knows no such user. */
    public String of(String userId) {
        return ifKnown(userId).orElse(userId);
    }

    /** The person's full name when the desk knows a user of that id. */
    public Optional<String> ifKnown(String userId) {
        return known.computeIfAbsent(
                userId,
                id -> Optional.ofNullable(identity.createUserQuery().userId(id).singleResult())
                        .map(UserNames::fullName));
    }
}
