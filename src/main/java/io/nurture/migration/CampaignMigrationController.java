package io.nurture.migration;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The dry run, the migration batch and its progress over HTTP. */
@RestController
class CampaignMigrationController {

    private final CampaignMigrations migrations;

    CampaignMigrationController(CampaignMigrations migrations) {
        this.migrations = migrations;
    }

    @GetMapping("/api/campaigns/{key}/migration")
    MigrationDryRun dryRun(@PathVariable String key, @RequestParam(required = false) Integer to) {
        return migrations.dryRun(key, to);
    }

    @PostMapping("/api/campaigns/{key}/migration")
    @ResponseStatus(HttpStatus.ACCEPTED)
    MigrationStarted migrate(@PathVariable String key, @RequestBody MigrationRequest request) {
        return migrations.migrate(key, request);
    }

    @GetMapping("/api/campaigns/migrations/{batchId}")
    MigrationProgress progress(@PathVariable String batchId) {
        return migrations.progress(batchId);
    }
}
