package dev.accesslink4j.sync.jdbc;

/**
 * A stored token cannot be decrypted: the store was given another key than the one the row was written with, or the
 * row was altered (its sealed value changed, moved from another row, or its user id changed). The message names the
 * row's key and the key ids involved, never a token or an encryption key.
 */
public final class TokenDecryptionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a token could not be decrypted. */
  public enum Reason {
    /** The row was sealed with another key ({@link TokenKey#id()} differs): configure the key it was written with. */
    WRONG_KEY,
    /** The row names this store's key but fails authentication: it was altered or moved; link the user again. */
    ALTERED
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why
   * @param message what happened, without secrets
   */
  public TokenDecryptionException(Reason reason, String message) {
    super(message);
    this.reason = java.util.Objects.requireNonNull(reason, "reason");
  }

  /**
   * Why the token could not be decrypted.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
