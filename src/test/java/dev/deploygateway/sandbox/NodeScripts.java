package dev.deploygateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the scripts of {@code src/test/node/conformance} with the machine's Node: the platforms' own client packages
 * (and axe-core, for the browser tests' accessibility check; all pinned in its package.json and package-lock.json)
 * are installed with {@code npm ci} on first use, from the npm
 * registry, into that folder's {@code node_modules} (ignored by git). A script prints one JSON object per line on
 * stdout; its diagnostics go to stderr, which is kept for the failure message.
 */
public final class NodeScripts {

    public static final Path FOLDER = Path.of("src", "test", "node", "conformance");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private NodeScripts() {
    }

    /** {@code node} on the PATH, if any. */
    public static Optional<Path> node() {
        return executable("node");
    }

    /** Runs {@code script} with {@code args} and the extra environment; returns its stdout lines as JSON. */
    public static List<JsonNode> run(String script, List<String> args, Map<String, String> environment,
            Duration timeout) {
        install();
        var command = new ArrayList<String>();
        command.add(node().orElseThrow().toString());
        command.add(script);
        command.addAll(args);
        var result = exec(command, environment, timeout);
        assertThat(result.exitCode()).as("node %s failed:%n%s", script, result.stderr()).isZero();
        var lines = new ArrayList<JsonNode>();
        for (String line : result.stdout().split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("not a JSON line from " + script + ": " + line, e);
                }
            }
        }
        return lines;
    }

    /** A file of an installed package, e.g. {@code axe-core/axe.min.js}, installing the packages first. */
    public static Path module(String file) {
        install();
        return FOLDER.resolve("node_modules").resolve(file);
    }

    /** {@code npm ci} unless node_modules already matches the lock file (npm writes its copy of the lock there). */
    static synchronized void install() {
        Path installed = FOLDER.resolve("node_modules").resolve(".package-lock.json");
        try {
            if (Files.exists(installed) && Files.getLastModifiedTime(installed)
                    .compareTo(Files.getLastModifiedTime(FOLDER.resolve("package-lock.json"))) >= 0) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path npm = executable("npm").orElseThrow(() -> new AssertionError("npm is not on the PATH"));
        var result = exec(List.of(npm.toString(), "ci", "--no-audit", "--no-fund"), Map.of(), INSTALL_TIMEOUT);
        assertThat(result.exitCode()).as("npm ci in %s failed:%n%s", FOLDER, result.stderr()).isZero();
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result exec(List<String> command, Map<String, String> environment, Duration timeout) {
        try {
            Path out = Files.createTempFile("node-out", ".txt");
            Path err = Files.createTempFile("node-err", ".txt");
            var builder = new ProcessBuilder(command).directory(FOLDER.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + timeout + ":\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            var result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Optional<Path> executable(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        try (Stream<String> dirs = Stream.of(path.split(File.pathSeparator))) {
            return dirs.filter(d -> !d.isBlank()).map(d -> Path.of(d, name)).filter(Files::isExecutable)
                    .findFirst();
        }
    }
}
