package io.nurture.reporting;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import io.nurture.security.ApiAccessRules;

/**
 * What a dashboard page that writes needs: that the user may do the same over the API (the rule in
 * {@link ApiAccessRules}), and a token of the session the page carries on its writes, so that another site's page
 * cannot make a logged-in browser write.
 */
final class DashboardWrites {

    static final String TOKEN_HEADER = "X-Nurture-Token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String tokenAttribute;
    private final String what;

    /** {@code what}: the page and its verb, as the refusal names them ("Campaign versions are"). */
    DashboardWrites(String tokenAttribute, String what) {
        this.tokenAttribute = tokenAttribute;
        this.what = what;
    }

    void mayDo(HttpServletRequest request, String method, String apiPattern) {
        if (!allowed(request, method, apiPattern)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, what + " for the groups "
                    + ApiAccessRules.groupsFor(method, apiPattern).orElse(List.of()));
        }
    }

    /** A write from a dashboard page: allowed as {@link #mayDo} says, and carrying the session's token. */
    void mayWrite(HttpServletRequest request, String token, String method, String apiPattern) {
        mayDo(request, method, apiPattern);
        requireToken(request, token);
    }

    static boolean allowed(HttpServletRequest request, String method, String apiPattern) {
        UserAuthentication user = DashboardAccessFilter.loggedIn(request.getSession(false));
        return user != null && DashboardAccessFilter.mayOpen(user,
                ApiAccessRules.groupsFor(method, apiPattern).orElse(List.of()));
    }

    String token(HttpSession session) {
        Object token = session.getAttribute(tokenAttribute);
        if (token == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
            session.setAttribute(tokenAttribute, token);
        }
        return (String) token;
    }

    private void requireToken(HttpServletRequest request, String token) {
        HttpSession session = request.getSession(false);
        if (session == null || token.isEmpty() || !token.equals(session.getAttribute(tokenAttribute))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The page's token is missing or expired; "
                    + "reload the page");
        }
    }
}
