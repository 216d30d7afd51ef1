package io.nurture.source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nurture.web.InvalidInputException;

/**
 * What a stored source's name and origins may be. An origin is what a browser sends in its {@code Origin} header:
 * {@code scheme://host[:port]}, lower case, no default port, no path; written otherwise it is normalised to that, so
 * that it compares equal with the header.
 */
final class SourceRules {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    static final int MAX_ORIGINS = 20;
    static final int MAX_ORIGIN_LENGTH = 200;

    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern ORIGIN = Pattern.compile(
            "([a-z][a-z0-9+.-]{0,19})://(" + LABEL + "(?:\\." + LABEL + ")*|\\[[0-9a-f:.]{2,45}\\])(?::(\\d{1,5}))?");
    private static final String ORIGIN_FORM = "scheme://host[:port] without a path, e.g. https://www.example.com";

    private SourceRules() {
    }

    static String name(String name, String field) {
        if (name == null || name.isEmpty()) {
            throw new InvalidInputException(field + " is required");
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException(field + " must be 1 to 40 lower-case letters, digits and '-', starting "
                    + "with a letter or digit, not '" + shown(name) + "'");
        }
        return name;
    }

    /** The origins normalised and without repeats; none (null) is a server-side source no browser may use. */
    static List<String> origins(List<String> origins) {
        if (origins == null) {
            return List.of();
        }
        if (origins.size() > MAX_ORIGINS) {
            throw new InvalidInputException("allowedOrigins may list at most " + MAX_ORIGINS + " origins, not "
                    + origins.size());
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (int i = 0; i < origins.size(); i++) {
            normalised.add(origin(origins.get(i), "allowedOrigins[" + i + "]"));
        }
        return new ArrayList<>(normalised);
    }

    static String origin(String origin, String field) {
        if (origin == null || origin.isBlank()) {
            throw new InvalidInputException(field + " must be an origin, " + ORIGIN_FORM);
        }
        if (origin.length() > MAX_ORIGIN_LENGTH) {
            throw new InvalidInputException(field + " is longer than " + MAX_ORIGIN_LENGTH + " characters");
        }
        String lower = origin.toLowerCase(Locale.ROOT);
        if (lower.contains("*")) {
            throw new InvalidInputException(field + " has a wildcard; list each origin, " + ORIGIN_FORM);
        }
        if (lower.equals("null")) {
            throw new InvalidInputException(field + " is 'null', what sandboxed pages and local files send: any "
                    + "site can send it, so it cannot be allowed");
        }
        Matcher parts = ORIGIN.matcher(lower);
        if (!parts.matches()) {
            throw new InvalidInputException(field + " must be " + ORIGIN_FORM + ", not '" + shown(origin) + "'");
        }
        String scheme = parts.group(1);
        String port = parts.group(3);
        if (port != null) {
            int number = Integer.parseInt(port);
            if (number < 1 || number > 65535) {
                throw new InvalidInputException(field + " has port " + port + "; a port is 1 to 65535");
            }
            boolean defaultPort = scheme.equals("https") && number == 443 || scheme.equals("http") && number == 80;
            port = defaultPort ? null : Integer.toString(number);
        }
        return scheme + "://" + parts.group(2) + (port == null ? "" : ":" + port);
    }

    private static String shown(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
