package com.clientservices.desk.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs people in against the engine's identity service, so that the desk's API, Tasklist and
 * the engine REST API share one set of users and groups. Each Camunda group becomes an authority
 * named by the group id.
 */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

    private final IdentityService identity;

    CamundaIdentityAuthentication(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var userId = authentication.getName();
        var password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        if (userId == null || userId.isBlank() || !identity.checkPassword(userId, password)) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
