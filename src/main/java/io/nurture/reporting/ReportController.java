package io.nurture.reporting;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every report as JSON, or as CSV with {@code Accept: text/csv}. Periods are {@code ?from=&to=} ISO dates. */
@RestController
@RequestMapping(path = "/api/reports", produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
class ReportController {

    static final int DEFAULT_DAYS = 30;
    static final int DEFAULT_VELOCITY_DAYS = 365;

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/funnel")
    FunnelReport funnel(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return reports.funnel(period(from, to, DEFAULT_DAYS));
    }

    @GetMapping("/velocity")
    VelocityReport velocity(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return reports.velocity(period(from, to, DEFAULT_VELOCITY_DAYS));
    }

    @GetMapping("/campaigns")
    CampaignReport campaigns(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return reports.campaigns(period(from, to, DEFAULT_DAYS));
    }

    @GetMapping("/nurture")
    NurtureReport nurture(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return reports.nurture(period(from, to, DEFAULT_DAYS));
    }

    @GetMapping("/events")
    EventReport events(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return reports.events(period(from, to, DEFAULT_DAYS));
    }

    @GetMapping("/contacts")
    ContactSearch contacts(@RequestParam(required = false) String q, @RequestParam(required = false) String stage) {
        return reports.search(q, stage);
    }

    @GetMapping("/contacts/{id}/timeline")
    ContactTimeline timeline(@PathVariable String id) {
        return reports.timeline(id);
    }

    static ReportPeriod period(String from, String to, int defaultDays) {
        return ReportPeriod.parse(from, to, defaultDays, ReportingConfiguration.CLOCK);
    }
}
