package dev.deploygateway.packaged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) started as an operator would start it: a
 * separate JVM with a clean environment of our choosing, its console captured to a file.
 */
public final class PackagedApp implements AutoCloseable {

    private static final String[] INHERITED_DROPPED = { "TOKEN_ENCRYPTION_KEY", "TOKEN_ENCRYPTION_PREVIOUS_KEYS",
            "REDIS_URL", "JWT_PUBLIC_KEY_LOCATION", "QUARKUS_PROFILE", "PORT", "MANAGEMENT_PORT" };

    private final Process process;
    private final Path console;
    private final int port;
    private final int managementPort;

    private PackagedApp(Process process, Path console, int port, int managementPort) {
        this.process = process;
        this.console = console;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts the jar with {@code env} added to a cleaned copy of this JVM's environment. */
    public static PackagedApp start(Map<String, String> env) {
        try {
            int port = freePort();
            int managementPort = freePort();
            Path console = Files.createTempFile("deploy-gateway-console", ".log");
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(console.toFile());
            for (String name : INHERITED_DROPPED) {
                builder.environment().remove(name);
            }
            builder.environment().put("PORT", Integer.toString(port));
            // Health and metrics of a packaged jar are on the management interface (application.properties).
            builder.environment().put("MANAGEMENT_PORT", Integer.toString(managementPort));
            builder.environment().putAll(env);
            return new PackagedApp(builder.start(), console, port, managementPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Where {@code /q/health} and {@code /q/metrics} are served. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to exit by itself; empty when it is still running after {@code timeout}. */
    public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? OptionalInt.of(process.exitValue())
                : OptionalInt.empty();
    }

    /** Everything the process printed so far. */
    public String console() {
        try {
            return Files.readString(console, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Freezes the process (SIGSTOP), as a long GC pause or a stalled VM would; {@link #resume()} thaws it. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IOException("kill -" + name + " failed with " + exit);
        }
    }

    /** Stops the process abruptly, as a crash would: no shutdown hooks, leases are not released. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
