package io.nurture.segment;

import java.io.IOException;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nurture.web.InvalidInputException;
import io.nurture.web.JsonProblems;

/**
 * Reads a request body, JSON whatever its content type says ({@code text/plain} from analytics.js), with the
 * application's parser limits; an unreadable one is answered with where it went wrong ({@code properties.plan}).
 */
@Component
class SegmentJson {

    private final ObjectMapper json;

    SegmentJson(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode object(byte[] body) {
        JsonParser parser = null;
        try {
            parser = json.createParser(body);
            JsonNode node = json.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException("The request body is empty; it must be a JSON object");
            }
            if (parser.nextToken() != null) {
                throw new InvalidInputException("The request body has content after its JSON object");
            }
            if (!node.isObject()) {
                throw new InvalidInputException("The request body must be a JSON object");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            String where = parser == null ? "" : JsonProblems.path(parser.getParsingContext());
            throw new InvalidInputException("The request body is not valid JSON"
                    + (where.isEmpty() ? "" : " (at " + where + ")") + ": "
                    + JsonProblems.readable(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidInputException("The request body could not be read as JSON");
        } finally {
            close(parser);
        }
    }

    int sizeOf(JsonNode node) {
        try {
            return json.writeValueAsBytes(node).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }



    private static void close(JsonParser parser) {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException ignored) {
            // a parser over a byte array holds nothing to release
        }
    }
}
