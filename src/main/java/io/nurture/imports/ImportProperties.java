package io.nurture.imports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nurture.imports.*}. The largest upload is {@code nurture.limits.request-body.imports} (50 MB).
 *
 * @param maxRows data rows one file may hold
 * @param maxColumns columns the header may have
 * @param chunkSize rows per transaction
 * @param lease how long a node holds a running import without a chunk's progress before another node (or this one,
 *            after a restart) takes it over
 */
@ConfigurationProperties("nurture.imports")
record ImportProperties(@DefaultValue("500000") int maxRows, @DefaultValue("200") int maxColumns,
        @DefaultValue("1000") int chunkSize, @DefaultValue("2m") Duration lease) {

    /** A cell longer than this is cut while reading; the longest contact field is 320 (the e-mail). */
    static final int MAX_FIELD_LENGTH = 1_000;
}
