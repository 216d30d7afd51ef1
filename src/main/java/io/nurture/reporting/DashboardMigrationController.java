package io.nurture.reporting;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.nurture.migration.CampaignMigrations;
import io.nurture.migration.MigrationProgress;
import io.nurture.migration.MigrationRequest;
import io.nurture.migration.MigrationStarted;
import io.nurture.suspension.CampaignSuspensions;
import io.nurture.suspension.SuspensionState;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A campaign's versions on the dashboard: whether it is suspended, with a Suspend or Resume button; the migration dry
 * run, and a button that starts the batch and follows its progress. For the groups that may do the same over the API
 * (its rules in {@code security.ApiAccessRules}); the page's writes carry a token of the session, so another site's
 * page cannot start a migration or suspend a campaign.
 */
@Controller
class DashboardMigrationController {

    static final String TOKEN_HEADER = DashboardWrites.TOKEN_HEADER;

    private final CampaignMigrations migrations;
    private final CampaignSuspensions suspensions;
    private final DashboardWrites writes = new DashboardWrites("nurture.dashboard.migrationToken",
            "Campaign versions are");

    DashboardMigrationController(CampaignMigrations migrations, CampaignSuspensions suspensions) {
        this.migrations = migrations;
        this.suspensions = suspensions;
    }

    @GetMapping("/dashboard/campaigns/{key}/versions")
    String versions(@PathVariable String key, @RequestAttribute(DashboardAccessFilter.USER_ATTRIBUTE) String user,
            HttpServletRequest request, Model model) {
        writes.mayDo(request, "GET", "/api/campaigns/{key}/migration");
        model.addAttribute("user", user);
        model.addAttribute("dryRun", migrations.dryRun(key, null));
        model.addAttribute("mayMigrate", DashboardWrites.allowed(request, "POST", "/api/campaigns/{key}/migration"));
        boolean maySeeSuspension = DashboardWrites.allowed(request, "GET", "/api/campaigns/{key}/suspension");
        model.addAttribute("suspension", maySeeSuspension ? suspensions.state(key) : null);
        model.addAttribute("maySuspend", DashboardWrites.allowed(request, "POST", "/api/campaigns/{key}/suspension")
                && DashboardWrites.allowed(request, "DELETE", "/api/campaigns/{key}/suspension"));
        model.addAttribute("token", writes.token(request.getSession()));
        return "dashboard-migration";
    }

    @PostMapping("/dashboard/campaigns/{key}/migration")
    @ResponseBody
    @ResponseStatus(HttpStatus.ACCEPTED)
    MigrationStarted migrate(@PathVariable String key, @RequestBody MigrationRequest migration,
            @RequestHeader(name = TOKEN_HEADER, defaultValue = "") String token, HttpServletRequest request) {
        writes.mayWrite(request, token, "POST", "/api/campaigns/{key}/migration");
        return migrations.migrate(key, migration);
    }

    @PostMapping("/dashboard/campaigns/{key}/suspension")
    @ResponseBody
    SuspensionState suspend(@PathVariable String key,
            @RequestHeader(name = TOKEN_HEADER, defaultValue = "") String token,
            @RequestAttribute(DashboardAccessFilter.USER_ATTRIBUTE) String user, HttpServletRequest request) {
        writes.mayWrite(request, token, "POST", "/api/campaigns/{key}/suspension");
        return suspensions.suspend(key, user, null);
    }

    @DeleteMapping("/dashboard/campaigns/{key}/suspension")
    @ResponseBody
    SuspensionState resume(@PathVariable String key,
            @RequestHeader(name = TOKEN_HEADER, defaultValue = "") String token,
            @RequestAttribute(DashboardAccessFilter.USER_ATTRIBUTE) String user, HttpServletRequest request) {
        writes.mayWrite(request, token, "DELETE", "/api/campaigns/{key}/suspension");
        return suspensions.resume(key, user);
    }

    @GetMapping("/dashboard/migrations/{batchId}")
    @ResponseBody
    MigrationProgress progress(@PathVariable String batchId, HttpServletRequest request) {
        writes.mayDo(request, "GET", "/api/campaigns/migrations/{batchId}");
        return migrations.progress(batchId);
    }
}
