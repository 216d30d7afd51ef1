package io.nurture.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.nurture.contact.LifecycleStage;

/**
 * Stops the start when contacts are in a stage that {@code nurture.lifecycle.stages} no longer lists (the list was
 * changed while they were there): every move and report ranks a contact's current stage, so such a contact could not
 * be served. Old ledger rows may keep a removed stage; they stay readable history.
 */
@Component
class StoredStagesCheck implements SmartInitializingSingleton {

    private final JdbcClient jdbc;
    private final Funnel funnel;

    StoredStagesCheck(JdbcClient jdbc, Funnel funnel) {
        this.jdbc = jdbc;
        this.funnel = funnel;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, Long> unknown = new LinkedHashMap<>();
        jdbc.sql("SELECT lifecycle_stage, COUNT(*) AS contacts FROM contact GROUP BY lifecycle_stage"
                + " ORDER BY lifecycle_stage").query(rs -> {
                    String stage = rs.getString("lifecycle_stage");
                    if (!LifecycleStage.isValidName(stage) || !funnel.isConfigured(LifecycleStage.of(stage))) {
                        unknown.put(stage, rs.getLong("contacts"));
                    }
                });
        if (!unknown.isEmpty()) {
            throw new InvalidLifecycleConfigurationException("contacts are in stages that stages " + funnel.stages()
                    + " does not list (stage=contacts: " + unknown + "); add those stages back, or move the contacts"
                    + " first, e.g. UPDATE contact SET lifecycle_stage = 'LEAD' WHERE lifecycle_stage = '...'");
        }
    }
}
