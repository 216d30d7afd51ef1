package io.nurture.setup;

import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The prod profile refuses to start with demo data or a guessable admin password. Being an engine plugin, it is
 * checked before the engine is built, so a refused start leaves no admin user with a weak password behind.
 */
@Component
@Profile("prod")
class ProductionPasswordCheck extends AbstractProcessEnginePlugin {

    private static final Set<String> DEFAULT_PASSWORDS = Set.of("", "demo", "admin", "password", "camunda", "changeme");

    ProductionPasswordCheck(CamundaBpmProperties camunda, @Value("${nurture.demo.enabled:false}") boolean demo) {
        if (demo) {
            throw new IllegalStateException("nurture.demo.enabled must be false in the prod profile");
        }
        var admin = camunda.getAdminUser();
        String password = admin == null ? null : admin.getPassword();
        if (admin != null && (password == null || DEFAULT_PASSWORDS.contains(password)
                || password.equals(admin.getId()))) {
            throw new IllegalStateException(
                    "Refusing to start the prod profile with a default admin password: set NURTURE_ADMIN_PASSWORD");
        }
    }
}
