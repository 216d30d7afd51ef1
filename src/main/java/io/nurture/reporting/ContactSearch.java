package io.nurture.reporting;

import java.util.Arrays;
import java.util.List;

/** Contacts whose e-mail, name or company contains the query, optionally in one stage. */
record ContactSearch(String query, String stage, List<Match> contacts) implements Tabular {

    record Match(String id, String email, String name, String company, String stage, int behaviourScore,
            int fitScore) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("id", "email", "name", "company", "stage", "behaviour_score", "fit_score");
    }

    @Override
    public List<List<Object>> csvRows() {
        return contacts.stream().map(m -> Arrays.<Object>asList(m.id(), m.email(), m.name(), m.company(), m.stage(),
                m.behaviourScore(), m.fitScore())).toList();
    }

    @Override
    public String csvName() {
        return "contacts";
    }
}
