package io.nurture.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.nurture.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP Basic for Nurture's own endpoints, checked against Camunda's identity service like {@code /engine-rest}. The
 * user name (the actor in the ledger) and the user's groups (for {@link ApiAccessRules}) are handed on as request
 * attributes; the engine itself is then called as the system, so API users need no process-level grants.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    public static final String USER_ATTRIBUTE = "nurture.user";
    static final String GROUPS_ATTRIBUTE = "nurture.user.groups";
    static final String CREDENTIALS_REQUIRED = "Valid HTTP Basic credentials of a Nurture (Camunda) user are required";

    private final IdentityService identityService;

    public ApiAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = authenticatedUser(request.getHeader("Authorization"));
        if (user == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Nurture\", charset=\"UTF-8\"");
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED,
                    CREDENTIALS_REQUIRED, request.getRequestURI());
            return;
        }
        request.setAttribute(USER_ATTRIBUTE, user);
        request.setAttribute(GROUPS_ATTRIBUTE, groupsOf(user));
        chain.doFilter(request, response);
    }

    private Set<String> groupsOf(String user) {
        return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .collect(Collectors.toUnmodifiableSet());
    }

    private String authenticatedUser(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        return identityService.checkPassword(user, decoded.substring(colon + 1)) ? user : null;
    }
}
