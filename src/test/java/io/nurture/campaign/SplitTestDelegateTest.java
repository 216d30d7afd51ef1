package io.nurture.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SplitTestDelegateTest {

    @Test
    void branchesFollowTheirWeightsAndStayStablePerContact() {
        Map<String, Integer> weights = SplitTestDelegate.weights("A:80, B:20");
        Map<String, Integer> counts = new HashMap<>();
        for (int contact = 0; contact < 10_000; contact++) {
            counts.merge(SplitTestDelegate.pick(weights, "contact-" + contact + "/subject"), 1, Integer::sum);
        }

        assertThat(counts.get("A")).isBetween(7_700, 8_300);
        assertThat(counts.get("B")).isBetween(1_700, 2_300);
        assertThat(SplitTestDelegate.pick(weights, "contact-1/subject"))
                .isEqualTo(SplitTestDelegate.pick(weights, "contact-1/subject"));
    }

    @Test
    void aSplitNeedsTwoBranchesWithWeights() {
        assertThatThrownBy(() -> SplitTestDelegate.weights("A:100")).hasMessageContaining("two or more");
        assertThatThrownBy(() -> SplitTestDelegate.weights(null)).hasMessageContaining("two or more");
        assertThat(SplitTestDelegate.weights("A,B,C")).containsOnlyKeys("A", "B", "C");
    }
}
