package dev.accesslink4j.sync;

import dev.accesslink4j.generated.model.PhysicalInfo;
import dev.accesslink4j.sync.internal.Fingerprints;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A user's current physical information: one request, delivered as the item {@code current} when it changed. */
final class PhysicalInfoSync implements KindSync {
  /** The id of the one physical-information item. */
  static final String ID = "current";

  @Override
  public int sync(UserTurn user, SyncKind kind, @Nullable Span dates) throws Exception {
    long userId = user.userId();
    user.request(SyncKind.PHYSICAL_INFO);
    Optional<PhysicalInfo> info = user.client().physicalInfo().get();
    if (info.isEmpty()) {
      return 0;
    }
    KindState current = user.state().load(userId, SyncKind.PHYSICAL_INFO);
    SyncItem item = new SyncItem(userId, SyncKind.PHYSICAL_INFO, ID, info.get());
    long fingerprint = Fingerprints.of(item.json());
    if (current.fingerprint(ID).orElse(~fingerprint) == fingerprint) {
      return 0; // unchanged since it was delivered
    }
    user.deliver(item);
    user.state().save(userId, SyncKind.PHYSICAL_INFO, current.with(ID, fingerprint));
    return 1;
  }
}
