package io.nurture.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The requests that make Camunda check a password, which is what the login throttle counts: any request with
 * credentials to Nurture's API, its inbox, the engine's REST API and the actuator (metrics); the logins of the Camunda
 * webapps and of the dashboard; and Camunda's {@code identity/verify}, with which any logged-in user can check anyone's password.
 */
final class LoginRequests {

    private static final String[] BASIC_AUTH_PATHS = { "/api", "/inbox", SecurityConfiguration.ENGINE_REST_PATH,
            "/actuator" };
    private static final String DASHBOARD_LOGIN = "/dashboard/login"; // reporting.DashboardLoginController

    private final String webappLogins;
    private final String webappEngineApi;

    /** @param webappPath {@code camunda.bpm.webapp.application-path} */
    LoginRequests(String webappPath) {
        String webapp = webappPath.endsWith("/") ? webappPath.substring(0, webappPath.length() - 1) : webappPath;
        this.webappLogins = webapp + "/api/admin/auth/user/"; // then {engine}/login/{app}
        this.webappEngineApi = webapp + "/api/engine";
    }

    boolean checksPassword(HttpServletRequest request) {
        String path = path(request);
        if (request.getHeader("Authorization") != null) {
            for (String basicAuthPath : BASIC_AUTH_PATHS) {
                if (RequestPaths.isUnder(path, basicAuthPath)) {
                    return true;
                }
            }
        }
        return "POST".equalsIgnoreCase(request.getMethod()) && (path.equals(DASHBOARD_LOGIN)
                || (path.startsWith(webappLogins) && path.contains("/login/")) || isIdentityVerify(request));
    }

    /** Camunda answers it 200 either way; {@code "authenticated": false} is the failure. */
    boolean isIdentityVerify(HttpServletRequest request) {
        String path = path(request);
        return "POST".equalsIgnoreCase(request.getMethod()) && path.endsWith("/identity/verify")
                && (RequestPaths.isUnder(path, SecurityConfiguration.ENGINE_REST_PATH)
                        || RequestPaths.isUnder(path, webappEngineApi));
    }

    /** The path the servlets match on ({@link RequestPaths}), without trailing slashes. */
    private static String path(HttpServletRequest request) {
        String path = RequestPaths.of(request);
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }
}
