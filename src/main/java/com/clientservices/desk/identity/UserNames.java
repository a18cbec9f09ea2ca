package com.clientservices.desk.identity;

import org.camunda.bpm.engine.identity.User;

/** How a person is named to others: first and last name as the engine has them, else the user id. */
public final class UserNames {

    private UserNames() {}

    public static String fullName(User user) {
        var name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                        + (user.getLastName() == null ? "" : user.getLastName()))
                .strip();
        return name.isEmpty() ? user.getId() : name;
    }
}
