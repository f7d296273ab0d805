package dev.deploygateway.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real three-master Redis Cluster from plain {@code redis-server} processes (cluster mode, no replicas, no
 * persistence) on free loopback ports. The nodes start before the application; the cluster itself is formed
 * ({@code redis-cli --cluster create}) only when {@link #form()} is called, so a test can watch the gateway
 * come up against nodes that do not form a cluster yet and recover once they do.
 */
public class RedisClusterResource implements QuarkusTestResourceLifecycleManager {

    private static volatile RedisClusterResource current;

    private final List<Process> nodes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private Path dir;

    public static RedisClusterResource current() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        current = this;
        try {
            dir = Files.createTempDirectory("redis-cluster");
            for (int i = 0; i < 3; i++) {
                int port = freePort();
                ports.add(port);
                nodes.add(new ProcessBuilder(DebianRedisPresent.SERVER.toString(), "--port", Integer.toString(port),
                        "--bind", "127.0.0.1", "--cluster-enabled", "yes", "--cluster-config-file",
                        dir.resolve("nodes-" + port + ".conf").toString(), "--save", "", "--appendonly", "no",
                        "--dir", dir.toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("node-" + port + ".log").toFile())
                        .start());
            }
            for (int port : ports) {
                awaitOutput(Duration.ofSeconds(10), "PONG", "-p", Integer.toString(port), "PING");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.redis.client-type", "cluster",
                "quarkus.redis.hosts", ports.stream().map(p -> "redis://127.0.0.1:" + p)
                        .collect(Collectors.joining(",")));
    }

    /** Assigns the slots to the three masters and waits until every node reports {@code cluster_state:ok}. */
    public synchronized void form() {
        List<String> args = new ArrayList<>(List.of("--cluster", "create"));
        ports.forEach(p -> args.add("127.0.0.1:" + p));
        args.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        run(Duration.ofSeconds(30), args.toArray(String[]::new));
        for (int port : ports) {
            awaitOutput(Duration.ofSeconds(30), "cluster_state:ok", "-p", Integer.toString(port), "CLUSTER", "INFO");
        }
    }

    /** The nodes' ports. */
    public List<Integer> ports() {
        return List.copyOf(ports);
    }

    /** Runs redis-cli against a node and returns what it printed. */
    public String cli(int port, String... command) {
        List<String> args = new ArrayList<>(List.of("-p", Integer.toString(port)));
        args.addAll(List.of(command));
        return run(Duration.ofSeconds(10), args.toArray(String[]::new));
    }

    @Override
    public void stop() {
        nodes.forEach(Process::destroyForcibly);
    }

    private static void awaitOutput(Duration within, String expected, String... args) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(100))
                .until(() -> run(Duration.ofSeconds(5), args).contains(expected));
    }

    private static String run(Duration within, String... args) {
        List<String> command = new ArrayList<>(List.of(DebianRedisPresent.CLI.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return "";
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
