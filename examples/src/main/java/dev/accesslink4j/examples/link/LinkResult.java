package dev.accesslink4j.examples.link;

/**
 * A user linked by {@link LinkFlow}.
 *
 * @param userId the Polar user id
 * @param memberId the member id the user is registered under here, and the token store key
 * @param newlyRegistered true when the user was registered now, false when already registered to this client
 * @param memberIdMatches false when the user was already registered under another member id
 */
public record LinkResult(
    long userId, String memberId, boolean newlyRegistered, boolean memberIdMatches) {}
