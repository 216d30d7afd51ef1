package io.nurture.setup;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;

class ProductionPasswordCheckTest {

    @Test
    void refusesDefaultPasswordsAndDemoData() {
        assertThatThrownBy(() -> new ProductionPasswordCheck(withAdminPassword("demo"), false))
                .hasMessageContaining("NURTURE_ADMIN_PASSWORD");
        assertThatThrownBy(() -> new ProductionPasswordCheck(withAdminPassword(""), false))
                .hasMessageContaining("default admin password");
        assertThatThrownBy(() -> new ProductionPasswordCheck(withAdminPassword("admin"), false))
                .hasMessageContaining("default admin password");
        assertThatThrownBy(() -> new ProductionPasswordCheck(withAdminPassword("S3cure-enough!"), true))
                .hasMessageContaining("nurture.demo.enabled");
    }

    @Test
    void acceptsAChosenPassword() {
        assertThatCode(() -> new ProductionPasswordCheck(withAdminPassword("S3cure-enough!"), false))
                .doesNotThrowAnyException();
    }

    private static CamundaBpmProperties withAdminPassword(String password) {
        CamundaBpmProperties properties = new CamundaBpmProperties();
        properties.getAdminUser().setId("admin");
        properties.getAdminUser().setPassword(password);
        return properties;
    }
}
