package com.clientservices.desk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clientservices.desk.DeskTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One sign-in reads the user's groups and tenants with the password check, in one transaction, and
 * an engine REST call runs with exactly those; a session keeps Spring's own token; a wrong password
 * still counts against the user. The
 * users here are this test's own: a wrong password locks a user for a while.
 */
@DeskTest
class CamundaIdentityAuthenticationTest {

    private static final String USER = "tenant-probe";
    private static final String PASSWORD = "tenant-probe-password-7";

    @Autowired
    CamundaIdentityAuthentication signIn;

    @Autowired
    IdentityService identity;

    @BeforeEach
    void aUserInOneTenantDirectlyAndOneThroughAGroup() {
        cleanUp();
        var user = identity.newUser(USER);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.saveGroup(identity.newGroup("tenant-probe-group"));
        identity.createMembership(USER, "tenant-probe-group");
        identity.saveTenant(identity.newTenant("tenant-probe-own"));
        identity.saveTenant(identity.newTenant("tenant-probe-team"));
        identity.saveTenant(identity.newTenant("tenant-probe-other"));
        identity.createTenantUserMembership("tenant-probe-own", USER);
        identity.createTenantGroupMembership("tenant-probe-team", "tenant-probe-group");
    }

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        for (var tenant : identity.createTenantQuery()
                .tenantIdIn("tenant-probe-own", "tenant-probe-team", "tenant-probe-other")
                .list()) {
            identity.deleteTenant(tenant.getId());
        }
        if (identity.createGroupQuery().groupId("tenant-probe-group").count() > 0) {
            identity.deleteGroup("tenant-probe-group");
        }
        if (identity.createUserQuery().userId(USER).count() > 0) {
            identity.deleteUser(USER);
        }
    }

    @Test
    void anEngineCallRunsWithTheGroupsAndTenantsReadAtSignIn() {
        var signedIn = signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(USER, PASSWORD));
        SecurityContextHolder.getContext().setAuthentication(signedIn);

        var engineUser = new SignedInEngineUser().extractAuthenticatedUser(null, null);

        assertThat(signedIn.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("tenant-probe-group");
        assertThat(engineUser.getAuthenticatedUser()).isEqualTo(USER);
        assertThat(engineUser.getGroups()).containsExactly("tenant-probe-group");
        assertThat(engineUser.getTenants()).containsExactlyInAnyOrder("tenant-probe-own", "tenant-probe-team");
    }

    @Test
    void aSessionKeepsSpringsOwnTokenSoThatAnyVersionOfTheDeskReadsIt() throws Exception {
        var signedIn = signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(USER, PASSWORD));

        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(signedIn);
        }
        Object stored;
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            stored = in.readObject();
        }

        assertThat(stored).isExactlyInstanceOf(UsernamePasswordAuthenticationToken.class);
        assertThat(stored).isEqualTo(signedIn);
        assertThat(signedIn).isEqualTo(stored);
        assertThat(((Authentication) stored).getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("tenant-probe-group");
    }

    @Test
    void aWrongPasswordIsRefusedAndCountedAgainstTheUser() {
        assertThatThrownBy(
                        () -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(USER, "not-it")))
                .isInstanceOf(BadCredentialsException.class);

        var user = (UserEntity) identity.createUserQuery().userId(USER).singleResult();
        assertThat(user.getAttempts()).as("the failed attempt was committed").isEqualTo(1);
    }

    @Test
    void anUnknownUserIsRefused() {
        assertThatThrownBy(() -> signIn.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated("tenant-probe-nobody", PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
    }
}
