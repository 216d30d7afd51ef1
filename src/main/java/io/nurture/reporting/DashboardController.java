package io.nurture.reporting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nurture.contact.ContactNotFoundException;
import io.nurture.contact.ContactProperties;
import io.nurture.lifecycle.Funnel;
import io.nurture.web.InvalidInputException;

import jakarta.annotation.PreDestroy;

/** The marketing dashboard: server-rendered pages, charts drawn in the browser from the same reports as the API. */
@Controller
class DashboardController {

    static final String ECHARTS = "/webjars/echarts/5.3.1/dist/echarts.min.js";

    private final Reports reports;
    private final ObjectMapper json;
    private final ExecutorService parallel;
    private final Funnel funnel;
    private final ContactProperties properties;

    DashboardController(Reports reports, ObjectMapper json, Funnel funnel, ContactProperties properties) {
        this.reports = reports;
        this.properties = properties;
        this.json = json;
        this.funnel = funnel;
        this.parallel = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "dashboard-report");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        parallel.shutdownNow();
    }

    @GetMapping("/dashboard")
    String overview(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestAttribute(DashboardAccessFilter.USER_ATTRIBUTE) String user, Model model)
            throws JsonProcessingException {
        ReportPeriod period = ReportController.period(from, to, ReportController.DEFAULT_DAYS);
        // the four reports are independent queries: run side by side, the page waits for the slowest only
        CompletableFuture<FunnelReport> funnelReport = CompletableFuture.supplyAsync(() -> reports.funnel(period),
                parallel);
        CompletableFuture<NurtureReport> nurtureReport = CompletableFuture.supplyAsync(() -> reports.nurture(period),
                parallel);
        CompletableFuture<CampaignReport> campaignReport = CompletableFuture
                .supplyAsync(() -> reports.campaigns(period), parallel);
        // velocity over the twelve months up to the period's end, so the trend is visible whatever the period
        VelocityReport velocity = reports.velocity(new ReportPeriod(period.to().minusMonths(12).plusDays(1),
                period.to()));
        FunnelReport funnel = funnelReport.join();
        NurtureReport nurture = nurtureReport.join();
        CampaignReport campaigns = campaignReport.join();
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("funnel", funnel);
        charts.put("nurture", nurture);
        charts.put("velocity", velocity);
        model.addAttribute("user", user);
        model.addAttribute("period", period);
        model.addAttribute("funnel", funnel);
        model.addAttribute("nurture", nurture);
        model.addAttribute("campaigns", campaigns);
        // embedded raw in a <script> element, where HTML escaping does not apply: keep "</script>" out of the JSON
        model.addAttribute("chartData", json.writeValueAsString(charts).replace("<", "\\u003c"));
        model.addAttribute("echarts", ECHARTS);
        return "dashboard";
    }

    @GetMapping("/dashboard/contacts")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String stage,
            @RequestAttribute(DashboardAccessFilter.USER_ATTRIBUTE) String user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("search", q == null && stage == null ? null : reports.search(q, stage));
        model.addAttribute("q", q);
        model.addAttribute("stage", stage);
        model.addAttribute("stages", funnel.stages());
        return "dashboard-contacts";
    }

    @GetMapping("/dashboard/contacts/{id}")
    String contact(@PathVariable String id, @RequestAttribute(DashboardAccessFilter.USER_ATTRIBUTE) String user,
            Model model) {
        model.addAttribute("user", user);
        model.addAttribute("timeline", reports.timeline(id));
        model.addAttribute("properties", properties.of(id));
        return "dashboard-contact";
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badInput(InvalidInputException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "dashboard-error";
    }

    @ExceptionHandler(ContactNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(ContactNotFoundException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "dashboard-error";
    }
}
