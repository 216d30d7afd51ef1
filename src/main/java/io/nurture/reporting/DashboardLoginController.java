package io.nurture.reporting;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A plain login form for the dashboard, checked against Camunda's identity service. It creates the same session as
 * the Camunda webapps' login, so the dashboard's links into Cockpit need no second login.
 */
@Controller
class DashboardLoginController {

    private static final String TOKEN_ATTRIBUTE = "nurture.dashboard.loginToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProcessEngine engine;
    private final ReportingProperties properties;

    DashboardLoginController(ProcessEngine engine, ReportingProperties properties) {
        this.engine = engine;
        this.properties = properties;
    }

    @GetMapping(DashboardAccessFilter.LOGIN_PATH)
    String form(@RequestParam(required = false) String next, HttpServletRequest request, Model model) {
        return page(model, request, next, null);
    }

    @PostMapping(DashboardAccessFilter.LOGIN_PATH)
    String login(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) String next, @RequestParam(defaultValue = "") String token,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpSession session = request.getSession(false);
        if (session == null || !token.equals(session.getAttribute(TOKEN_ATTRIBUTE))) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, request, next, "Your login form had expired; please try again.");
        }
        if (username.isBlank() || !engine.getIdentityService().checkPassword(username, password)) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return page(model, request, next, "Wrong user name or password.");
        }
        UserAuthentication user = AuthenticationUtil.createAuthentication(engine, username);
        if (!DashboardAccessFilter.mayOpen(user, properties.dashboardGroups())) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return page(model, request, next, "The dashboard is for the groups " + properties.dashboardGroups()
                    + "; ask an admin to add you.");
        }
        AuthenticationUtil.revalidateSession(request, user); // a fresh session id after login
        return "redirect:" + safeTarget(next);
    }

    @PostMapping("/dashboard/logout")
    String logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:" + DashboardAccessFilter.LOGIN_PATH;
    }

    private String page(Model model, HttpServletRequest request, String next, String error) {
        String token = HexFormat.of().formatHex(bytes());
        request.getSession(true).setAttribute(TOKEN_ATTRIBUTE, token);
        model.addAttribute("token", token);
        model.addAttribute("next", safeTarget(next));
        model.addAttribute("error", error);
        return "dashboard-login";
    }

    private static byte[] bytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Only back into the dashboard: no open redirect through {@code ?next=}. */
    static String safeTarget(String next) {
        if (next == null || !next.startsWith("/dashboard") || next.startsWith(DashboardAccessFilter.LOGIN_PATH)
                || next.contains("//") || next.contains("\\")) {
            return "/dashboard";
        }
        return next;
    }
}
