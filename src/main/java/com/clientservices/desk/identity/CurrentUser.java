package com.clientservices.desk.identity;

import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of the current request. */
public final class CurrentUser {

    private CurrentUser() {}

    public static DeskUser get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("no signed-in user");
        }
        var groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toUnmodifiableSet());
        return new DeskUser(authentication.getName(), groups);
    }
}
