package io.nurture.lifecycle;

import java.util.List;

/** The default {@link Funnel} for process tests, whose diagrams name role stages as {@code ${funnel.stageFor(..)}}. */
public final class TestFunnels {

    private TestFunnels() {
    }

    public static Funnel defaults() {
        return new Funnel(new LifecycleProperties(null, new LifecycleProperties.Roles(null, null, null, null, null,
                null, null), null, null, List.of(), new LifecycleProperties.Recycling(null, 20)));
    }
}
