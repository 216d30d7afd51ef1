package io.nurture.reporting;

import java.lang.reflect.Field;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.springframework.util.ReflectionUtils;

/**
 * A fresh Chromium for each test, in the test's {@link Browser} field: skipped without Chromium (failed on CI), and
 * after the test its console errors printed and its last screen kept as {@code target/screenshots/<Class>-<test>}
 * (.png and .html) before it closes. The test's own {@code @AfterEach} runs first, with the browser still open.
 */
public final class ChromiumPerTest implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final Namespace NAMESPACE = Namespace.create(ChromiumPerTest.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Browser.requireChromium();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Browser browser = Browser.start();
        context.getStore(NAMESPACE).put(Browser.class, browser);
        Object test = context.getRequiredTestInstance();
        ReflectionUtils.doWithFields(test.getClass(), field -> set(field, test, browser),
                field -> field.getType() == Browser.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
        if (browser == null) {
            return;
        }
        try {
            browser.consoleErrors().forEach(entry -> System.out.println("browser console: " + entry));
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod()
                    .getName();
            browser.screenshot(name);
            browser.keepPage(name);
        } finally {
            browser.close();
        }
    }

    private static void set(Field field, Object test, Browser browser) {
        ReflectionUtils.makeAccessible(field);
        ReflectionUtils.setField(field, test, browser);
    }
}
