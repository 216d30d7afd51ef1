package io.nurture.channel;

import java.util.List;

/**
 * These deliveries, past {@code nurture.retention.deliveries}, are deleted when the transaction that publishes this
 * commits: a module that keeps figures of them reads them now, in that transaction.
 */
public record DeliveriesPruning(List<String> deliveryIds) {
}
