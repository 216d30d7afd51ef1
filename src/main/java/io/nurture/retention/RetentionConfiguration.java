package io.nurture.retention;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The nightly run is a Spring schedule; the lease makes it one node's at a time. */
@Configuration
@EnableScheduling
class RetentionConfiguration {
}
