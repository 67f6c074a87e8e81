package dev.accesslink4j.testkit.internal;

/** Ends a handler early with a reply (401, 403, 404, 400...). */
final class Halt extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final transient Reply reply;

  Halt(Reply reply) {
    super(null, null, false, false);
    this.reply = reply;
  }
}
