package io.nurture.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nurture.reporting.*}: what a campaign costs, which processes are not campaigns, the score buckets of new
 * leads and who may open the dashboard.
 *
 * @param campaigns cost per campaign key (process definition key)
 * @param nonCampaignProcesses process keys that run per contact but are no nurture campaign (the hand-off)
 * @param scoreBuckets lower bounds of the score buckets of the new-lead score distribution, ascending
 * @param dashboardGroups Camunda groups whose members may open the dashboard
 */
@ConfigurationProperties("nurture.reporting")
record ReportingProperties(Map<String, CampaignCost> campaigns, List<String> nonCampaignProcesses,
        List<Integer> scoreBuckets, List<String> dashboardGroups) {

    ReportingProperties {
        campaigns = campaigns == null ? Map.of() : Map.copyOf(campaigns);
        nonCampaignProcesses = nonCampaignProcesses == null ? List.of("lead-handoff") : List.copyOf(nonCampaignProcesses);
        scoreBuckets = scoreBuckets == null ? List.of(0, 10, 25, 50, 75, 100) : List.copyOf(scoreBuckets);
        dashboardGroups = dashboardGroups == null ? List.of("camunda-admin", "marketing", "sales")
                : List.copyOf(dashboardGroups);
    }

    /**
     * What a campaign costs: a fixed amount per month (tools, content, people; prorated per day of the period) plus an
     * amount per message sent.
     */
    record CampaignCost(BigDecimal perMonth, BigDecimal perSend) {

        CampaignCost {
            perMonth = perMonth == null ? BigDecimal.ZERO : perMonth;
            perSend = perSend == null ? BigDecimal.ZERO : perSend;
        }
    }

    CampaignCost costOf(String campaign) {
        return campaigns.getOrDefault(campaign, new CampaignCost(null, null));
    }
}
