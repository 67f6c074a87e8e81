package dev.accesslink4j.transactions;

import dev.accesslink4j.UserClient;
import dev.accesslink4j.generated.model.PhysicalInformation;
import java.net.URI;

/**
 * One physical-information snapshot of an open physical-information transaction: the user's weight, height, heart
 * rate limits, thresholds and VO2max as they were when they changed. Polar stores a full snapshot on each change.
 * The current values are also available without a transaction from {@link UserClient#physicalInfo()}.
 */
public final class PhysicalInfoItem {
  private final long transactionId;
  private final long id;
  private final URI url;
  private final PhysicalInformation physicalInformation;

  PhysicalInfoItem(long transactionId, long id, URI url, PhysicalInformation physicalInformation) {
    this.transactionId = transactionId;
    this.id = id;
    this.url = url;
    this.physicalInformation = physicalInformation;
  }

  /**
   * The id of the transaction this snapshot was taken out of.
   *
   * @return the transaction id
   */
  public long transactionId() {
    return transactionId;
  }

  /**
   * The snapshot's id (the last segment of its URL).
   *
   * @return the id; store snapshots keyed by it, since an uncommitted one is offered again
   */
  public long id() {
    return id;
  }

  /**
   * The absolute URL AccessLink listed for this snapshot (on the API's own origin).
   *
   * @return the URL
   */
  public URI url() {
    return url;
  }

  /**
   * The snapshot, fetched before your handler was called.
   *
   * @return the physical information
   */
  public PhysicalInformation physicalInformation() {
    return physicalInformation;
  }

  @Override
  public String toString() {
    return "PhysicalInfoItem[transactionId=" + transactionId + ", id=" + id + "]";
  }
}
