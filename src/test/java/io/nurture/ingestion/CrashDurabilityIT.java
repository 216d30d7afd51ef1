package io.nurture.ingestion;

import java.util.List;

/** On the default database, as {@code java -jar} starts it: the H2 file {@code ./data/nurture}. */
class CrashDurabilityIT extends AbstractCrashDurabilityIT {

    @Override
    List<String> databaseArguments() {
        return List.of();
    }
}
