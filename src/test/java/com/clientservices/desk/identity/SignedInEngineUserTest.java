package com.clientservices.desk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An engine REST call runs as the user the desk's engine REST chain signed in, with the groups of that
 * sign-in (and its tenants, CamundaIdentityAuthenticationTest), and as nobody when nobody is signed in (the engine's filter then answers 401).
 */
class SignedInEngineUserTest {

    private final SignedInEngineUser provider = new SignedInEngineUser();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSignedInUserRunsTheCallWithTheGroupsOfTheSignIn() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "cs-agent", null, AuthorityUtils.createAuthorityList("client-services", "cs-agents")));

        var result = provider.extractAuthenticatedUser(null, null);

        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getAuthenticatedUser()).isEqualTo("cs-agent");
        assertThat(result.getGroups()).isEqualTo(List.of("client-services", "cs-agents"));
        assertThat(result.getTenants())
                .as("not read at this sign-in: read by the engine's filter")
                .isNull();
    }

    @Test
    void nobodySignedInOrAnAnonymousVisitorIsNotAnEngineUser() {
        assertThat(provider.extractAuthenticatedUser(null, null).isAuthenticated())
                .isFalse();

        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(provider.extractAuthenticatedUser(null, null).isAuthenticated())
                .isFalse();

        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.unauthenticated("cs-agent", "demo"));
        assertThat(provider.extractAuthenticatedUser(null, null).isAuthenticated())
                .isFalse();
    }
}
