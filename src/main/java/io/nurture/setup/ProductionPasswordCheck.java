package io.nurture.setup;

import java.util.Set;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The prod profile refuses to start with demo data or a guessable admin password. */
@Component
@Profile("prod")
class ProductionPasswordCheck {

    private static final Set<String> DEFAULT_PASSWORDS = Set.of("", "demo", "admin", "password", "camunda", "changeme");

    ProductionPasswordCheck(CamundaBpmProperties camunda, @Value("${nurture.demo.enabled:false}") boolean demo) {
        if (demo) {
            throw new IllegalStateException("nurture.demo.enabled must be false in the prod profile");
        }
        var admin = camunda.getAdminUser();
        if (admin != null && (admin.getPassword() == null || DEFAULT_PASSWORDS.contains(admin.getPassword()))) {
            throw new IllegalStateException(
                    "Refusing to start the prod profile with a default admin password: set NURTURE_ADMIN_PASSWORD");
        }
    }
}
