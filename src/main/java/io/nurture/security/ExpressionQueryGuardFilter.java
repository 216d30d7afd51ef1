package io.nurture.security;

import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nurture.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Camunda 7.24 evaluates expressions inside a query's {@code orQueries} although ad-hoc query expressions are
 * disabled, which would let any logged-in user run code. Such requests are refused before they reach the engine.
 */
public class ExpressionQueryGuardFilter extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasOrQueriesParameter(request)) {
            refuse(request, response);
            return;
        }
        if (!hasJsonBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request);
        if (containsOrQueryExpression(cached.body())) {
            refuse(request, response);
            return;
        }
        chain.doFilter(cached, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemResponses.write(response, HttpStatus.BAD_REQUEST,
                "Expressions are not allowed in 'orQueries'; use concrete values instead", request.getRequestURI());
    }

    /** The engine's query endpoints take JSON only; other bodies (multipart deployments) pass untouched. */
    private static boolean hasJsonBody(HttpServletRequest request) {
        String contentType = request.getContentType();
        return request.getContentLengthLong() != 0 && contentType != null
                && contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    private static boolean hasOrQueriesParameter(HttpServletRequest request) {
        return request.getQueryString() != null
                && request.getQueryString().toLowerCase(Locale.ROOT).contains("orqueries");
    }

    static boolean containsOrQueryExpression(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException notJson) {
            return false; // the engine refuses it on its own
        }
        return root != null && scan(root, false);
    }

    private static boolean scan(JsonNode node, boolean insideOrQueries) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (scan(element, insideOrQueries)) {
                    return true;
                }
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey().toLowerCase(Locale.ROOT);
                if (insideOrQueries && name.endsWith("expression") && !field.getValue().isNull()) {
                    return true;
                }
                if (scan(field.getValue(), insideOrQueries || name.equals("orqueries"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
