package dev.deploygateway.sandbox.render;

import java.time.Instant;

/** A Postgres: {@code unknown} first, then {@code creating}, then {@code available}, as recorded real answers go. */
final class RndPostgres {

    final String id = RndIds.of("dpg");
    final RndAccounts.Owner owner;
    final String name;
    final String plan;
    final String version;
    final String region;
    final String databaseName;
    final String databaseUser;
    final String password = RndIds.of("pw").substring(3);
    final Instant createdAt = Instant.now();
    volatile String status = "unknown";
    volatile int ticks;

    RndPostgres(RndAccounts.Owner owner, String name, String plan, String version, String region) {
        this.owner = owner;
        this.name = name;
        this.plan = plan;
        this.version = version;
        this.region = region;
        this.databaseName = name.replace('-', '_');
        this.databaseUser = databaseName + "_user";
    }

    /** One step of provisioning; {@code ticks} per state. */
    synchronized void advance(int perState) {
        ticks++;
        if (ticks >= 2 * perState) {
            status = "available";
        } else if (ticks >= perState) {
            status = "creating";
        }
    }

    String internalUrl() {
        return "postgresql://" + databaseUser + ":" + password + "@" + id + "-a/" + databaseName;
    }

    String externalUrl() {
        return "postgresql://" + databaseUser + ":" + password + "@" + id + "-a." + region
                + "-postgres.render.com/" + databaseName;
    }
}
