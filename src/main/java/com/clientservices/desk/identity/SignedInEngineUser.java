package com.clientservices.desk.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who an engine REST call runs as: the user the desk's engine REST chain has just signed in
 * ({@link SecurityConfiguration}, HTTP Basic against the engine's identities, see
 * {@link CamundaIdentityAuthentication}), with the groups and tenants read then. The engine's own Basic
 * provider would check the password and read them a second time on every call. The engine's
 * authentication filter creates this class by name, hence public with a constructor of no arguments.
 */
public class SignedInEngineUser implements AuthenticationProvider {

    private static final AuthenticationTrustResolverImpl TRUST = new AuthenticationTrustResolverImpl();

    public SignedInEngineUser() {}

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        var signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (!TRUST.isAuthenticated(signedIn)) {
            return AuthenticationResult.unsuccessful();
        }
        var result = AuthenticationResult.successful(signedIn.getName());
        // CamundaIdentityAuthentication grants exactly the user's group ids, and read their tenants with them;
        // tenants left null (any other sign-in) are read by the filter.
        result.setGroups(signedIn.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList());
        if (signedIn instanceof CamundaIdentityAuthentication.SignedIn withTenants) {
            result.setTenants(withTenants.tenants());
        }
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + engine.getName() + "\"");
    }
}
