package io.nurture.campaign;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.nurture.campaign.SplitAssignments.BranchResult;

/** Per-branch results of a campaign's A/B splits. */
@RestController
class SplitReportController {

    private final SplitAssignments assignments;

    SplitReportController(SplitAssignments assignments) {
        this.assignments = assignments;
    }

    @GetMapping("/api/campaigns/{campaign}/splits")
    List<BranchResult> splits(@PathVariable String campaign) {
        return assignments.results(campaign);
    }
}
