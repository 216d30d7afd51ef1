package io.nurture.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.nurture.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The HTTP layer in front of the engine's own check ({@link EngineExpressionGuard}) on {@code /engine-rest} and the
 * webapps' engine API. It fails closed: a request goes on only when the guard could read all of it and every
 * {@code ...Expression} value in it, in the body at any depth or in the query string, is on the
 * {@link QueryExpressions} allow-list. A JSON body it cannot read (malformed, duplicate keys, not UTF-8) is a 400, a
 * body that is neither JSON nor {@code multipart/form-data} (deployments, file variables) a 415. The body itself was
 * capped before ({@link RequestBodyLimitFilter}).
 */
public class ExpressionQueryGuardFilter extends OncePerRequestFilter {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final String SUFFIX = "expression";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusalInQueryString(request.getQueryString());
        if (refusal != null) {
            refuse(request, response, HttpStatus.BAD_REQUEST, refusal);
            return;
        }
        if (request.getContentLengthLong() == 0) {
            chain.doFilter(request, response);
            return;
        }
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
            refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Encoded request bodies are not accepted");
            return;
        }
        MediaType type;
        try {
            type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        if (type != null && MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(type)) {
            chain.doFilter(request, response); // deployments and file variables: no query in them
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request);
        if (cached.body().length == 0) {
            chain.doFilter(cached, response);
            return;
        }
        if (!isJson(type)) {
            refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "The engine's API takes JSON (UTF-8) or multipart/form-data request bodies");
            return;
        }
        refusal = refusalInJson(cached.body(), type);
        if (refusal != null) {
            refuse(request, response, HttpStatus.BAD_REQUEST, refusal);
            return;
        }
        chain.doFilter(cached, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String detail) throws IOException {
        ProblemResponses.write(response, status, detail, request.getRequestURI());
    }

    private static boolean isJson(MediaType type) {
        return type != null && (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                || type.getType().equals("application") && type.getSubtype().endsWith("+json"));
    }

    /** Why the query string is refused, or null when every {@code ...Expression} parameter in it is allowed. */
    static String refusalInQueryString(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "The query string is not valid percent-encoded UTF-8";
            }
            if (name.equalsIgnoreCase("orQueries")) {
                return "orQueries: or-queries are taken in a JSON body only";
            }
            if (isExpressionName(name) && !QueryExpressions.isAllowed(value)) {
                return notAllowed(name, value);
            }
        }
        return null;
    }

    /** Why the JSON body is refused, or null when it is readable and every expression in it is allowed. */
    static String refusalInJson(byte[] body, MediaType type) {
        try {
            Charset charset = type == null ? null : type.getCharset();
            if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
                return "A JSON request body must be UTF-8, not " + charset.name();
            }
        } catch (IllegalArgumentException unknownCharset) {
            return "A JSON request body must be UTF-8";
        }
        JsonNode root;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            root = JSON.readTree(text);
        } catch (CharacterCodingException e) {
            return "The request body is not valid UTF-8";
        } catch (JsonProcessingException e) {
            return "The request body is not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse("");
        }
        return root == null ? null : refusalIn(root, "");
    }

    private static String refusalIn(JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String refusal = refusalIn(node.get(i), path + "[" + i + "]");
                if (refusal != null) {
                    return refusal;
                }
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                String refusal = isExpressionName(field.getKey()) ? refusalOfExpression(field.getValue(), fieldPath)
                        : refusalIn(field.getValue(), fieldPath);
                if (refusal != null) {
                    return refusal;
                }
            }
        }
        return null;
    }

    /** An expression is a string (or a list of them) on the allow-list; an object under such a name is looked into. */
    private static String refusalOfExpression(JsonNode value, String path) {
        if (value.isNull() || value.isTextual() && QueryExpressions.isAllowed(value.asText())) {
            return null;
        }
        if (value.isArray() || value.isObject()) {
            return value.isArray() ? refusalOfExpressions(value, path) : refusalIn(value, path);
        }
        return notAllowed(path, value.asText());
    }

    private static String refusalOfExpressions(JsonNode values, String path) {
        for (int i = 0; i < values.size(); i++) {
            String refusal = refusalOfExpression(values.get(i), path + "[" + i + "]");
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    private static boolean isExpressionName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(SUFFIX);
    }

    private static String notAllowed(String where, String expression) {
        return where + ": '" + QueryExpressions.shown(expression) + "' is not an allowed expression; allowed are "
                + QueryExpressions.ALLOWED;
    }
}
