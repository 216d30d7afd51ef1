package io.nurture.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.nurture.simulation.SimulationResult.PersonaTimeline;

/**
 * The simulator as a CI step: {@code ./mvnw -q verify -Psimulate -Dcampaign=processes/welcome.bpmn} (a diagram
 * file, or the key of a shipped campaign) lives the persona matrix through it with Nurture's own configuration and
 * fails when any persona would break the frequency cap, never reach an exit within {@code -Ddays} (default 90), or
 * meet a failing step. Prints the persona table either way. Not part of {@code ./mvnw verify}.
 */
@Tag("campaign-check")
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:nurture-campaign-check;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false", "nurture.inbox.smtp-port=0" })
class CampaignCheck {

    @Autowired
    Simulator simulator;

    @Test
    void everyPersonaLeavesTheCampaignWithinThePolicy() throws IOException {
        String campaign = System.getProperty("campaign");
        assertThat(campaign).as("-Dcampaign=<a .bpmn file or a campaign key>").isNotBlank();
        int days = Integer.getInteger("days", SimulationRequests.DEFAULT_DAYS);
        Path file = Path.of(campaign);
        boolean isFile = campaign.endsWith(".bpmn") || Files.isRegularFile(file);
        SimulationResult result = simulator.simulate(new SimulationRequest(isFile ? null : campaign, null,
                isFile ? Files.readString(file) : null, Instant.parse("2027-01-04T09:00:00Z"), days, List.of(),
                Map.of()));

        String table = table(result);
        System.out.println(table);
        assertThat(result.findings()).as(table).isEmpty();
    }

    private static String table(SimulationResult result) {
        StringBuilder table = new StringBuilder("\n" + result.campaignName() + " (" + result.campaign() + ", "
                + result.source() + "), " + result.days() + " days\n");
        table.append(String.format("%-20s %-26s %-10s %s%n", "persona", "sends", "exit on", "exit"));
        for (PersonaTimeline timeline : result.timelines()) {
            var summary = timeline.summary();
            String sends = summary.sends().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", "));
            table.append(String.format("%-20s %-26s %-10s %s%n", timeline.persona(), sends,
                    summary.exitDay() == null ? "-" : "day " + summary.exitDay(),
                    summary.exit() == null ? "still in the campaign" : summary.exit()));
        }
        result.findings().forEach(finding -> table.append("FINDING ").append(finding.kind()).append(" (")
                .append(finding.persona()).append(", day ").append(finding.day()).append("): ")
                .append(finding.message()).append('\n'));
        return table.toString();
    }
}
