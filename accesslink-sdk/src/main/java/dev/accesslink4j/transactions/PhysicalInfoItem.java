package dev.accesslink4j.transactions;

import dev.accesslink4j.UserClient;
import dev.accesslink4j.generated.model.PhysicalInformation;
import java.net.URI;

/**
 * One physical-information snapshot of an open physical-information transaction: the user's weight, height, heart
 * rate limits, thresholds and VO2max as they were when they changed. Polar stores a full snapshot on each change.
 * The snapshot is {@link #summary()}. The current values are also available without a transaction from {@link UserClient#physicalInfo()}.
 */
public final class PhysicalInfoItem extends TransactionItem<PhysicalInformation> {
  PhysicalInfoItem(TransactionContext ctx, long id, URI url, PhysicalInformation snapshot) {
    super(ctx, id, url, snapshot);
  }
}
