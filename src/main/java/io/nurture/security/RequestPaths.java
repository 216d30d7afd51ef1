package io.nurture.security;

import jakarta.servlet.http.HttpServletRequest;

/** Paths as the servlet mappings, and so the endpoints, see them: decoded, normalised, within the application. */
final class RequestPaths {

    private RequestPaths() {
    }

    static String of(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    /** {@code prefix} itself or anything below it: {@code /api} and {@code /api/events}, not {@code /apis}. */
    static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
