package dev.accesslink4j.errors;

import java.net.URI;

/**
 * AccessLink (or something in front of it) answered with a redirect the SDK does not follow: to another origin
 * (scheme, host or port), which includes every downgrade from HTTPS to plain HTTP, or a redirect of a request other
 * than GET, or more than five redirects in a row. An answer from wherever the redirect points is not AccessLink's
 * data, so nothing was requested from there and nothing was handed to your code or committed. Only a GET redirected
 * within the origin it was sent to is followed. Never retried.
 */
public class RedirectRefusedException extends ServiceException {
  private static final long serialVersionUID = 1L;
  private final URI target;

  /**
   * Creates the exception.
   *
   * @param details the redirect response (its status is 3xx)
   * @param target the origin the redirect pointed at ({@code scheme://host:port}, no path or query)
   * @param reason why it was not followed, for example {@code it leaves https://www.polaraccesslink.com:443}
   */
  public RedirectRefusedException(ErrorDetails details, URI target, String reason) {
    super(details, "It redirects to " + target + ", which the SDK does not follow: " + reason);
    this.target = target;
  }

  /**
   * Where the redirect pointed: its origin only, since a path or query may carry anything.
   *
   * @return {@code scheme://host:port}
   */
  public URI target() {
    return target;
  }
}
