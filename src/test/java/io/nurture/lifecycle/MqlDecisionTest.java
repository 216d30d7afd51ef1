package io.nurture.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.nurture.event.EventType;
import io.nurture.process.DeploymentGenerations;
import io.nurture.process.MarketerDecisions;

/** The two marketer-owned MQL tables, lead-routing.dmn and mql-qualification.dmn, through {@link MqlRules}. */
@Deployment(resources = { "processes/lead-routing.dmn", "processes/mql-qualification.dmn" })
class MqlDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    @ParameterizedTest(name = "{0} from {1} goes to {2} (priority {3})")
    @CsvSource(nullValues = "null", value = {
            "demo_requested, null, sdr, 90",
            "product_inquiry, whitepaper, sdr, 80",
            "contact_us, null, sdr, 80",
            "form_submitted, paid-search, sdr, 70",
            "newsletter_subscribed, PPC, sdr, 70",
            "form_submitted, whitepaper, nurture, 50",
            "content_downloaded, null, nurture, 50",
            "webinar_attended, paid-search, nurture, 50",
            "newsletter_subscribed, newsletter, nurture, 50",
            "page_view, null, nurture, 50"
    })
    void routesByEventAndSource(String eventType, String source, String route, int priority) {
        LeadRouting routing = rules()
                .route(EventType.fromWireName(eventType).orElseThrow(), source);

        assertThat(routing.route()).isEqualTo(route);
        assertThat(routing.priority()).isEqualTo(priority);
        assertThat(routing.reason()).isNotBlank();
        assertThat(routing.isStraightToSdr()).isEqualTo(route.equals("sdr"));
    }

    @ParameterizedTest(name = "score {0} with fit {1}: MQL {2}")
    @CsvSource({
            "60, 10, true",
            "95, 40, true",
            "59, 30, false",
            "80, 9, false",
            "0, 0, false"
    })
    void qualifiesAtTheThresholdWithTheMinimumFit(int score, int fit, boolean qualified) {
        assertThat(rules().qualifies(score, fit)).isEqualTo(qualified);
    }

    private static MqlRules rules() {
        return new MqlRules(new MarketerDecisions(extension.getDecisionService(), extension.getRepositoryService(),
                new DeploymentGenerations()));
    }
}
