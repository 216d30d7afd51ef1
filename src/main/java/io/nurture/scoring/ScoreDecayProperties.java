package io.nurture.scoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nurture.scoring.decay.*}: after {@code inactivity} without engagement (an event that earned points) the
 * behaviour score loses {@code fraction} of itself, and again after every further {@code inactivity}.
 */
@ConfigurationProperties("nurture.scoring.decay")
record ScoreDecayProperties(@DefaultValue("P30D") Duration inactivity, @DefaultValue("0.25") double fraction) {

    ScoreDecayProperties {
        if (inactivity.isNegative() || inactivity.isZero() || fraction <= 0 || fraction > 1) {
            throw new IllegalStateException("nurture.scoring.decay: inactivity must be positive and fraction in (0, 1],"
                    + " were " + inactivity + " and " + fraction);
        }
    }
}
