package io.nurture.scoring;

import java.util.Locale;

/** What changed a score; stored lower case in {@code score_history.component}. */
public enum ScoreComponent {
    BEHAVIOUR, FIT, DECAY, PENALTY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
