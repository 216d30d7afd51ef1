package io.nurture.web;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.converter.HttpMessageNotReadableException;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says what is wrong with an unreadable body in the sender's terms: the field ({@code properties.cartUrl}) and what it
 * must be, never a Java type, a method signature or parser internals.
 */
public final class JsonProblems {

    private static final int SHOWN_PATH_SEGMENTS = 6;

    private JsonProblems() {
    }

    static String describe(HttpMessageNotReadableException e) {
        if (!(e.getCause() instanceof JacksonException cause)) {
            return "the request body is missing or empty";
        }
        String original = cause.getOriginalMessage() == null ? "" : cause.getOriginalMessage();
        if (original.startsWith("No content to map")) {
            return "the request body is missing or empty";
        }
        if (original.startsWith("Trailing token")) {
            return "there is trailing content after the JSON value";
        }
        String path = cause instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return "unknown field '" + path + "'" + (known.isEmpty() ? "" : "; the fields are " + known);
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && !path.isEmpty()) {
            return path + " must be " + expected(mismatch.getTargetType());
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "the body must be " + expected(mismatch.getTargetType());
        }
        if (e.getMostSpecificCause() instanceof NumberFormatException && !path.isEmpty()) {
            return path + " must be a number of a sensible size";
        }
        if (e.getMostSpecificCause() instanceof JsonEOFException || original.startsWith("Unexpected end-of-input")) {
            return "the body ends before its JSON does";
        }
        // a syntax error or a parser limit: where the parser stood says which field it was in
        String where = cause.getProcessor() instanceof JsonParser parser ? path(parser.getParsingContext()) : path;
        String message = readable(cause.getOriginalMessage());
        return where.isEmpty() ? message : where + ": " + message;
    }

    /** Where a parser stood, as a field path ({@code batch[3].properties.plan}), at most six levels shown. */
    public static String path(JsonStreamContext context) {
        LinkedList<String> segments = new LinkedList<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                segments.addFirst("[" + Math.max(at.getCurrentIndex(), 0) + "]");
            } else if (at.getCurrentName() != null) {
                segments.addFirst("." + at.getCurrentName());
            }
        }
        String path = String.join("", segments.subList(0, Math.min(segments.size(), SHOWN_PATH_SEGMENTS)));
        path = path.startsWith(".") ? path.substring(1) : path;
        return segments.size() > SHOWN_PATH_SEGMENTS ? path + "…" : path;
    }

    private static String path(List<Reference> references) {
        String path = references.stream().limit(SHOWN_PATH_SEGMENTS)
                .map(reference -> reference.getFieldName() != null ? "." + reference.getFieldName()
                        : reference.getIndex() >= 0 ? "[" + reference.getIndex() + "]" : "")
                .collect(Collectors.joining());
        path = path.startsWith(".") ? path.substring(1) : path;
        return references.size() > SHOWN_PATH_SEGMENTS ? path + "…" : path;
    }

    private static String expected(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == LocalDate.class) {
            return "a date like 2026-11-23";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date-time like 2026-11-23T10:00:00Z";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object"
                : "of another type";
    }

    /** The parser's own words, without where in the source it was and which Java setting limits it. */
    public static String readable(String message) {
        String text = message == null ? "" : message.lines().findFirst().orElse("");
        return text.replaceAll("\\s*\\(?start marker at \\[Source:[^\\]]*\\]\\)?", "")
                .replaceAll(", from `[^`]*`", "")
                .replaceAll(":? ?\\(?enable `[^`]*` to allow\\)?", "")
                .replaceAll("\\s*at \\[Source:.*$", "")
                .replaceAll("`[a-z][\\w$]*(\\.[\\w$]+)+(<[^`]*>)?`", "the expected type")
                .trim();
    }
}
