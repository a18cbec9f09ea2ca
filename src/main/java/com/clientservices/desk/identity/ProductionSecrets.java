package com.clientservices.desk.identity;

import com.clientservices.desk.DeskProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Stops a production start whose administrator password is a default or too short to resist
 * guessing: outside demo mode no default password works (docs/specification.md §8).
 */
@Component
@Profile("prod")
class ProductionSecrets {

    ProductionSecrets(
            @Value("${camunda.bpm.admin-user.id}") String adminId,
            @Value("${camunda.bpm.admin-user.password}") String adminPassword,
            DeskProperties properties) {
        var minLength = properties.production().minPasswordLength();
        if (adminPassword.length() < minLength
                || adminPassword.equalsIgnoreCase("demo")
                || adminPassword.equalsIgnoreCase(adminId)) {
            throw new IllegalStateException("DESK_ADMIN_PASSWORD must have at least " + minLength
                    + " characters and be neither a default password nor the user name");
        }
    }
}
