package dev.deploygateway.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A script the store runs atomically: {@code lua} on Redis and {@code memory}, a Java twin implementing the
 * same contract, on the in-memory backend. Every key a script touches must be passed in {@code KEYS} and share
 * one hash slot (Redis Cluster routes the script by its first key).
 *
 * @param name a short name for logs and metrics
 * @param lua the Lua source; uses {@code KEYS}/{@code ARGV} only
 * @param memory the Java twin, run while the memory backend holds its lock
 */
public record StoreScript(String name, String lua, MemoryScript memory) {

    /** The SHA-1 Redis assigns to this script; {@code EVALSHA} uses it without a {@code SCRIPT LOAD} first. */
    public String sha1() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(lua.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the JDK", e);
        }
    }

    /** The memory backend's implementation of a script. */
    @FunctionalInterface
    public interface MemoryScript {
        ScriptReply run(MemoryKeyspace keyspace, List<String> keys, List<String> args);
    }
}
