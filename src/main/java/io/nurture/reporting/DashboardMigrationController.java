package io.nurture.reporting;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

import io.nurture.migration.CampaignMigrations;
import io.nurture.migration.MigrationProgress;
import io.nurture.migration.MigrationRequest;
import io.nurture.migration.MigrationStarted;
import io.nurture.security.ApiAccessRules;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A campaign's versions on the dashboard: the migration dry run, and a button that starts the batch and follows its
 * progress. For the groups that may do the same over the API (its rules in {@code security.ApiAccessRules}); the
 * page's writes carry a token of the session, so another site's page cannot start a migration.
 */
@Controller
class DashboardMigrationController {

    static final String TOKEN_HEADER = "X-Nurture-Token";
    private static final String TOKEN_ATTRIBUTE = "nurture.dashboard.migrationToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CampaignMigrations migrations;

    DashboardMigrationController(CampaignMigrations migrations) {
        this.migrations = migrations;
    }

    @GetMapping("/dashboard/campaigns/{key}/versions")
    String versions(@PathVariable String key, @RequestAttribute(DashboardAccessFilter.USER_ATTRIBUTE) String user,
            HttpServletRequest request, Model model) {
        mayDo(request, "GET", "/api/campaigns/{key}/migration");
        model.addAttribute("user", user);
        model.addAttribute("dryRun", migrations.dryRun(key, null));
        model.addAttribute("mayMigrate", allowed(request, "POST", "/api/campaigns/{key}/migration"));
        model.addAttribute("token", token(request.getSession()));
        return "dashboard-migration";
    }

    @PostMapping("/dashboard/campaigns/{key}/migration")
    @ResponseBody
    @ResponseStatus(HttpStatus.ACCEPTED)
    MigrationStarted migrate(@PathVariable String key, @RequestBody MigrationRequest migration,
            @RequestHeader(name = TOKEN_HEADER, defaultValue = "") String token, HttpServletRequest request) {
        mayDo(request, "POST", "/api/campaigns/{key}/migration");
        checkToken(request, token);
        return migrations.migrate(key, migration);
    }

    @GetMapping("/dashboard/migrations/{batchId}")
    @ResponseBody
    MigrationProgress progress(@PathVariable String batchId, HttpServletRequest request) {
        mayDo(request, "GET", "/api/campaigns/migrations/{batchId}");
        return migrations.progress(batchId);
    }

    private static void mayDo(HttpServletRequest request, String method, String apiPattern) {
        if (!allowed(request, method, apiPattern)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Campaign versions are for the groups "
                    + ApiAccessRules.groupsFor(method, apiPattern).orElse(List.of()));
        }
    }

    static boolean allowed(HttpServletRequest request, String method, String apiPattern) {
        UserAuthentication user = DashboardAccessFilter.loggedIn(request.getSession(false));
        return user != null && DashboardAccessFilter.mayOpen(user,
                ApiAccessRules.groupsFor(method, apiPattern).orElse(List.of()));
    }

    /** A dashboard page's write must carry its session's token, so another site's page cannot make it. */
    static void checkToken(HttpServletRequest request, String token) {
        HttpSession session = request.getSession(false);
        if (session == null || token.isEmpty() || !token.equals(session.getAttribute(TOKEN_ATTRIBUTE))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The page's token is missing or expired; "
                    + "reload the page");
        }
    }

    static String token(HttpSession session) {
        Object token = session.getAttribute(TOKEN_ATTRIBUTE);
        if (token == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
            session.setAttribute(TOKEN_ATTRIBUTE, token);
        }
        return (String) token;
    }
}
