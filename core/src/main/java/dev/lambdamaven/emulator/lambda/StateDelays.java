package dev.lambdamaven.emulator.lambda;

import java.time.Duration;

/**
 * How long emulated operations take: a new function stays {@code Pending} for {@code activation} (with a VPC
 * configuration, {@code vpcActivation}: ENI creation on AWS), an update stays {@code InProgress} for
 * {@code update}.
 */
public record StateDelays(Duration activation, Duration vpcActivation, Duration update) {}
