package io.nurture.form;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.HttpHeaders;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The site a browser posted from: its {@code Origin}, or without one the origin of its {@code Referer}. Neither is a
 * server posting, which no origin check can stop anyway. A Referer that is no URL counts as a foreign origin.
 */
final class Origins {

    private static final String UNREADABLE = "null";

    private Origins() {
    }

    static Optional<String> of(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null) {
            return Optional.of(origin);
        }
        String referer = request.getHeader(HttpHeaders.REFERER);
        return referer == null ? Optional.empty() : Optional.of(originOf(referer));
    }

    private static String originOf(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return UNREADABLE;
            }
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return UNREADABLE;
        }
    }
}
