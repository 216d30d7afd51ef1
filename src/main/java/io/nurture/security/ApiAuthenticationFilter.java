package io.nurture.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.nurture.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP Basic for Nurture's own endpoints, checked against Camunda's identity service like {@code /engine-rest}. The
 * user name (the actor in the ledger) and the user's groups (for {@link ApiAccessRules}) are handed on as request
 * attributes; the engine itself is then called as the system, so API users need no process-level grants.
 * A login that succeeded is remembered for {@code nurture.security.api-login-cache} (by a hash of its header, never
 * a failure): an integration posting events does not cost two identity-service transactions per request, and a
 * changed password or group takes effect within that time.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    public static final String USER_ATTRIBUTE = "nurture.user";
    static final String GROUPS_ATTRIBUTE = "nurture.user.groups";
    static final String CREDENTIALS_REQUIRED = "Valid HTTP Basic credentials of a Nurture (Camunda) user are required";

    private final IdentityService identityService;
    private final Cache<String, Login> recentLogins;

    public ApiAuthenticationFilter(IdentityService identityService) {
        this(identityService, Duration.ZERO, Ticker.systemTicker());
    }

    ApiAuthenticationFilter(IdentityService identityService, Duration remembered, Ticker ticker) {
        this.identityService = identityService;
        this.recentLogins = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(remembered).ticker(ticker)
                .build();
    }

    private record Login(String user, Set<String> groups) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Login login = login(request.getHeader("Authorization"));
        if (login == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Nurture\", charset=\"UTF-8\"");
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED,
                    CREDENTIALS_REQUIRED, request.getRequestURI());
            return;
        }
        request.setAttribute(USER_ATTRIBUTE, login.user());
        request.setAttribute(GROUPS_ATTRIBUTE, login.groups());
        chain.doFilter(request, response);
    }

    private Login login(String header) {
        if (header == null) {
            return null;
        }
        String key = sha256(header);
        Login remembered = recentLogins.getIfPresent(key);
        if (remembered != null) {
            return remembered;
        }
        String user = authenticatedUser(header);
        if (user == null) {
            return null;
        }
        Login login = new Login(user, groupsOf(user));
        recentLogins.put(key, login);
        return login;
    }

    private static String sha256(String header) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(header.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
