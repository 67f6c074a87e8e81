package dev.accesslink4j.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The engine's settings, resolved from the public options.
 *
 * @param seed the generator seed
 * @param clientId the partner client id
 * @param clientSecret the partner client secret
 * @param redirectUris the registered redirect URIs, the default first
 * @param clock the clock the fake starts from
 * @param zone the device zone
 * @param demoDays the demo account's days of data
 * @param shortLimit a fixed 15-minute budget, or null for Polar's formula
 * @param longLimit a fixed 24-hour budget, or null for Polar's formula
 * @param autoDeliver whether data additions deliver their webhook events
 * @param webhookTimeout the timeout of PINGs and deliveries
 */
public record EngineConfig(
    long seed,
    String clientId,
    String clientSecret,
    List<String> redirectUris,
    Clock clock,
    ZoneId zone,
    int demoDays,
    @Nullable Integer shortLimit,
    @Nullable Integer longLimit,
    boolean autoDeliver,
    Duration webhookTimeout) {}
