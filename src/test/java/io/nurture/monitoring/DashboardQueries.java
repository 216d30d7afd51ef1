package io.nurture.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The metric names the PromQL of {@code docker/grafana/nurture-dashboard.json} asks for, in its panels and variables. */
final class DashboardQueries {

    static final Path DASHBOARD = Path.of("docker/grafana/nurture-dashboard.json");

    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");

    private DashboardQueries() {
    }

    static Set<String> expressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        Set<String> expressions = new TreeSet<>();
        dashboard.findValues("expr").forEach(expr -> expressions.add(expr.asText()));
        dashboard.path("templating").path("list").forEach(variable -> {
            if (variable.path("query").has("query")) {
                expressions.add(variable.path("query").path("query").asText());
            }
        });
        return expressions;
    }

    /** Identifiers that are neither a function (followed by a parenthesis), a label, a keyword nor a variable. */
    static Set<String> metricNames(String promQl) {
        String bare = QUOTED.matcher(promQl).replaceAll("\"\"");
        bare = MATCHERS.matcher(bare).replaceAll("");
        bare = RANGES.matcher(bare).replaceAll("");
        bare = GROUPING.matcher(bare).replaceAll("");
        bare = bare.replaceAll("label_values\\(([a-zA-Z_:][a-zA-Z0-9_:]*),\\s*[a-zA-Z_]+\\)", "$1");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            boolean variable = identifier.start() > 0 && bare.charAt(identifier.start() - 1) == '$';
            boolean function = bare.substring(identifier.end()).stripLeading().startsWith("(");
            if (!variable && !function && !KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
