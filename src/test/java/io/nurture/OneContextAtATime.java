package io.nurture;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate;

/**
 * Closes the application context of the classes that ran before as soon as a test class needs another one (or none),
 * before that class starts anything: Camunda keeps its engines in a static registry by name, and the REST API and the
 * webapps look "default" up there, so two live contexts would share one engine slot. Spring's own cache keeps every
 * context open, and its size limit closes the oldest only after the next one has started. Registered for every test
 * class in {@code junit-platform.properties}; {@link SameContextsTogether} runs the classes of one context in a row.
 */
public class OneContextAtATime implements BeforeAllCallback, TestInstancePreConstructCallback {

    private static MergedContextConfiguration live;

    @Override
    public void beforeAll(ExtensionContext context) {
        switchTo(context.getRequiredTestClass());
    }

    /** A class with a per-class test instance gets its context when the instance is made, before {@code beforeAll}. */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        switchTo(factoryContext.getTestClass());
    }

    private static synchronized void switchTo(Class<?> testClass) {
        MergedContextConfiguration next = SpringTestClasses.configuration(testClass).orElse(null);
        if (live != null && !live.equals(next)) {
            // the default delegate works on the one cache that every Spring test class uses
            new DefaultCacheAwareContextLoaderDelegate().closeContext(live, HierarchyMode.EXHAUSTIVE);
        }
        live = next;
    }
}
