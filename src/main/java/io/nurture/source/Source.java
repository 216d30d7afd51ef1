package io.nurture.source;

import java.util.List;

/**
 * A named sender of events, as a write key authenticates it, with the browser origins it may post from
 * ({@code https://www.example.com}); none listed: no browser may.
 */
public record Source(String name, List<String> allowedOrigins) {

    public Source {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    /** A request without an {@code Origin} header is a server's; a browser's must come from a listed origin. */
    public boolean allowsOrigin(String origin) {
        return origin == null || allowedOrigins.contains(origin);
    }
}
