package dev.accesslink4j.examples.receiver;

/** Answers one complete request; runs on the request's own connection thread. */
@FunctionalInterface
public interface RequestHandler {
  /**
   * Answers a request.
   *
   * @param request the request, read completely within the deadline
   * @return the reply to send; a handler that throws is answered {@code 500}
   */
  Reply handle(ReceivedRequest request);
}
