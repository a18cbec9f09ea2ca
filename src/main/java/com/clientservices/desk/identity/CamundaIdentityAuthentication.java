package com.clientservices.desk.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs people in against the engine's identity service, so that the desk's API, Tasklist and
 * the engine REST API share one set of users and groups. Each Camunda group becomes an authority
 * named by the group id.
 *
 * <p>The password check and the reading of the user's groups and tenants share one transaction: every
 * API call signs in (HTTP Basic), and with a transaction each they were 16 of the 36 transactions a
 * ticket took from submission to closure over the API, now 6 (README "Benchmarks"). The tenants are
 * read for every sign-in, one indexed query in that transaction, so the engine REST filter does not
 * read them in one more. A wrong password still counts against the user: the check records it and the
 * transaction commits before the refusal.
 */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

    private final IdentityService identity;
    private final TransactionTemplate transaction;

    CamundaIdentityAuthentication(IdentityService identity, TransactionTemplate transaction) {
        this.identity = identity;
        this.transaction = transaction;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var userId = authentication.getName();
        var password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        var signedIn = userId == null || userId.isBlank()
                ? null
                : transaction.execute(status -> identity.checkPassword(userId, password) ? memberships(userId) : null);
        if (signedIn == null) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        return signedIn;
    }

    private SignedIn memberships(String userId) {
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(SimpleGrantedAuthority::new)
                .toList();
        var tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId)
                .toList();
        return new SignedIn(userId, groups, tenants);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * A signed-in user with the engine tenants they belong to, read with their groups ({@link SignedInEngineUser}).
     * Equal to Spring's token of the same user and groups. A session stores Spring's token instead (the tenants are
     * only for the stateless engine REST API), so a session written by one version of the desk is read by any other.
     */
    static final class SignedIn extends UsernamePasswordAuthenticationToken {

        @Serial
        private static final long serialVersionUID = 1L;

        private final transient List<String> tenants;

        SignedIn(String userId, Collection<? extends GrantedAuthority> groups, List<String> tenants) {
            super(userId, null, groups);
            this.tenants = List.copyOf(tenants);
        }

        List<String> tenants() {
            return tenants;
        }

        @Serial
        private Object writeReplace() {
            var plain = UsernamePasswordAuthenticationToken.authenticated(getPrincipal(), null, getAuthorities());
            plain.setDetails(getDetails());
            return plain;
        }
    }
}
