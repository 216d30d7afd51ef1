package io.nurture.reporting;

import java.util.List;

import io.nurture.contact.LifecycleStage;

/** The default funnel of the design, in order: what the reports suite expects with the default configuration. */
final class DefaultStages {

    static final List<LifecycleStage> ORDER = List.of(LifecycleStage.VISITOR, LifecycleStage.LEAD,
            LifecycleStage.MQL, LifecycleStage.SQL, LifecycleStage.OPPORTUNITY, LifecycleStage.CUSTOMER,
            LifecycleStage.EVANGELIST);

    private DefaultStages() {
    }

    static int rank(LifecycleStage stage) {
        return ORDER.indexOf(stage);
    }
}
