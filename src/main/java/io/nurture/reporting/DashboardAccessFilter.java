package io.nurture.reporting;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The dashboard shares the Camunda webapps' session login: whoever is logged into Cockpit or Tasklist (or into the
 * dashboard's own login page, which creates the same session) and belongs to a dashboard group may see it.
 */
class DashboardAccessFilter extends OncePerRequestFilter {

    static final String ENGINE = "default";
    static final String LOGIN_PATH = "/dashboard/login";
    static final String USER_ATTRIBUTE = "nurture.dashboard.user";

    private final List<String> groups;

    DashboardAccessFilter(List<String> groups) {
        this.groups = groups;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().equals(LOGIN_PATH)) {
            chain.doFilter(request, response);
            return;
        }
        UserAuthentication user = loggedIn(request.getSession(false));
        if (user == null) {
            String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.sendRedirect(LOGIN_PATH + "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
            return;
        }
        if (!mayOpen(user, groups)) {
            response.sendError(HttpStatus.FORBIDDEN.value(), "The dashboard is for the groups " + groups);
            return;
        }
        request.setAttribute(USER_ATTRIBUTE, user.getName());
        chain.doFilter(request, response);
    }

    static UserAuthentication loggedIn(HttpSession session) {
        if (session == null) {
            return null;
        }
        Authentication authentication = AuthenticationUtil.getAuthsFromSession(session)
                .getAuthenticationForProcessEngine(ENGINE);
        return authentication instanceof UserAuthentication user ? user : null;
    }

    static boolean mayOpen(UserAuthentication user, List<String> groups) {
        return user.getGroupIds() != null && user.getGroupIds().stream().anyMatch(groups::contains);
    }
}
