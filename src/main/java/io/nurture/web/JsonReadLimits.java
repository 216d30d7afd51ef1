package io.nurture.web;

import java.io.IOException;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Bounds for parsing any JSON body with the application's ObjectMapper, so that parsing itself stays cheap whatever
 * arrives (the endpoints then hold the values to their own, smaller limits, e.g. the event limits). Jackson's own
 * defaults allow 20,000,000-character strings and 1,000-digit numbers. Also refused: a key given twice (which one did
 * the sender mean?), anything after the JSON value, and unknown fields of a body marked {@link RefuseUnknownFields}.
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
                .postConfigurer(mapper -> {
                    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .maxNameLength(MAX_NAME_LENGTH)
                            .build());
                    mapper.addHandler(new UnknownFieldsRefusal());
                });
    }

    /** Spring Boot ignores unknown fields; a {@link RefuseUnknownFields} body fails on its first one instead. */
    static final class UnknownFieldsRefusal extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                JsonDeserializer<?> deserializer, Object beanOrClass, String name) throws IOException {
            Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
            if (type.isAnnotationPresent(RefuseUnknownFields.class)) {
                throw UnrecognizedPropertyException.from(parser, beanOrClass, name,
                        deserializer.getKnownPropertyNames());
            }
            return false;
        }
    }
}
