package io.nurture.web;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;

/**
 * Bounds for parsing any JSON body with the application's ObjectMapper, so that parsing itself stays cheap whatever
 * arrives (the endpoints then hold the values to their own, smaller limits, e.g. the event limits). Jackson's own
 * defaults allow 20,000,000-character strings and 1,000-digit numbers. Also refused: a key given twice (which one did
 * the sender mean?) and anything after the JSON value.
 */
@Configuration(proxyBeanMethods = false)
class JsonReadLimits {

    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_STRING_LENGTH = 100_000;
    static final int MAX_NUMBER_LENGTH = 100;
    static final int MAX_NAME_LENGTH = 1_000;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonReadLimitsCustomizer() {
        return builder -> builder
                .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .build()));
    }
}
