package io.nurture;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module structure as a test: each top-level package is a module; a module reaches another only through that
 * module's own package (never its sub-packages) and only along the dependencies its {@code package-info.java}
 * allows, and no two modules depend on each other, directly or around a cycle.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(NurtureApplication.class);

    @Test
    void modulesDependOnEachOtherOnlyAsDeclaredAndWithoutCycles() {
        MODULES.verify();
    }
}
