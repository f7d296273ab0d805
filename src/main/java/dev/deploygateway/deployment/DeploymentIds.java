package dev.deploygateway.deployment;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Deployment ids: {@code dep_} and 128 random bits, unguessable, and checked before any store lookup. */
public final class DeploymentIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("dep_[0-9a-f]{32}");

    private DeploymentIds() {
    }

    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "dep_" + HexFormat.of().formatHex(bytes);
    }

    public static boolean isWellFormed(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }
}
