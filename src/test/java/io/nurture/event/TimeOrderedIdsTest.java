package io.nurture.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidWithItsMillisecondFirst() {
        long at = 1_796_286_297_356L;
        UUID id = TimeOrderedIds.at(at);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterAsTextAndNoneRepeats() {
        List<String> ids = IntStream.range(0, 1_000).mapToObj(i -> TimeOrderedIds.at(1_796_286_297_356L + i)
                .toString()).toList();
        assertThat(ids).isSorted();

        Set<String> many = new HashSet<>();
        IntStream.range(0, 100_000).forEach(i -> many.add(TimeOrderedIds.next()));
        assertThat(many).hasSize(100_000);
    }
}
