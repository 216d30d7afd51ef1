package io.nurture.reporting;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.nurture.reporting.SplitQuery.BranchResult;

/** Per-branch results of a campaign's A/B splits. */
@RestController
class SplitReportController {

    private final Reports reports;

    SplitReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/campaigns/{campaign}/splits")
    List<BranchResult> splits(@PathVariable String campaign) {
        return reports.splits(campaign);
    }
}
