package io.nurture;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The configuration a Spring test class asks for, worked out as Spring's test context cache does: two classes with
 * equal configurations get the same application context.
 */
final class SpringTestClasses {

    private static final Map<Class<?>, Optional<MergedContextConfiguration>> CONFIGURATIONS = new ConcurrentHashMap<>();

    private SpringTestClasses() {
    }

    /** Empty for a class that runs without Spring. */
    static Optional<MergedContextConfiguration> configuration(Class<?> testClass) {
        return CONFIGURATIONS.computeIfAbsent(testClass, SpringTestClasses::resolve);
    }

    private static Optional<MergedContextConfiguration> resolve(Class<?> testClass) {
        boolean spring = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).stream(ExtendWith.class)
                .map(MergedAnnotation::synthesize)
                .anyMatch(extendWith -> Arrays.asList(extendWith.value()).contains(SpringExtension.class));
        return spring
                ? Optional.of(BootstrapUtils.resolveTestContextBootstrapper(testClass).buildMergedContextConfiguration())
                : Optional.empty();
    }
}
