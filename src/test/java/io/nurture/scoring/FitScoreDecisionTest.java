package io.nurture.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.nurture.process.DeploymentGenerations;
import io.nurture.process.MarketerDecisions;

/** The ideal-customer-profile table (processes/fit-score.dmn): COLLECT / SUM over the profile fields. */
@Deployment(resources = "processes/fit-score.dmn")
class FitScoreDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    @ParameterizedTest(name = "{0} scores {1}")
    @CsvSource({
            "industry=software, 15",
            "industry=fintech, 15",
            "industry=government, -10",
            "industry=retail, 0",
            "companySize=50, 15",
            "companySize=1000, 15",
            "companySize=1001, 10",
            "companySize=9, -5",
            "companySize=20, 0",
            "revenue=10000000, 10",
            "revenue=9999999, 0",
            "country=DE, 5",
            "country=BR, 0",
            "techStack=salesforce, 10",
            "techStack=postgres;hubspot, 10",
            "techStack=postgres, 0",
            "funding=series-b, 10",
            "funding=seed, 0"
    })
    void eachProfileFieldScoresOnItsOwn(String field, int points) {
        String[] pair = field.split("=");
        VariableMap profile = empty();
        Object value = switch (pair[0]) {
            case "companySize" -> Integer.valueOf(pair[1]);
            case "revenue" -> Long.valueOf(pair[1]);
            case "techStack" -> pair[1].replace(';', ',');
            default -> pair[1];
        };
        profile.putValue(pair[0], value);

        assertThat(sumOf(profile)).isEqualTo(points);
    }

    @Test
    void anIdealCustomerAddsUpAndAnUnknownProfileScoresNothing() {
        VariableMap ideal = empty().putValue("industry", "saas").putValue("companySize", 250)
                .putValue("revenue", 40_000_000L).putValue("country", "GB").putValue("techStack", "hubspot,aws")
                .putValue("funding", "series-a");

        assertThat(sumOf(ideal)).isEqualTo(15 + 15 + 10 + 5 + 10 + 10);
        assertThat(sumOf(empty())).isZero();
    }

    private static VariableMap empty() {
        return Variables.createVariables().putValue("industry", null).putValue("companySize", null)
                .putValue("revenue", null).putValue("country", null).putValue("techStack", null)
                .putValue("funding", null);
    }

    private static int sumOf(VariableMap profile) {
        return DecisionResults.sumOf(new MarketerDecisions(extension.getDecisionService(),
                extension.getRepositoryService(), new DeploymentGenerations()).evaluate("fit-score", profile),
                "points");
    }
}
