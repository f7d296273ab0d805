package dev.deploygateway.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The machine's {@code git} in a scratch repository, as the reference for object ids: what {@code git} computes for
 * the same bytes, tree and commit is what the sandbox and the gateway must compute too. Author and committer are
 * fixed so commit ids are reproducible.
 */
public final class GitBinary {

    public static final String NAME = "Deploy Gateway Test";
    public static final String EMAIL = "test@deploy-gateway.invalid";
    /** 2024-01-02T03:04:05Z. */
    public static final long WHEN = 1704164645L;

    private final Path dir;

    private GitBinary(Path dir) {
        this.dir = dir;
    }

    public static GitBinary init() {
        try {
            GitBinary git = new GitBinary(Files.createTempDirectory("git-reference"));
            git.run(null, "init", "-q");
            return git;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code git hash-object -w} of exactly these bytes. */
    public String hashObject(byte[] content) {
        return run(content, "hash-object", "-w", "--stdin").trim();
    }

    /** The tree {@code git write-tree} builds from these index entries: path → (mode, blob id). */
    public String writeTree(Map<String, String[]> entries) {
        run(null, "read-tree", "--empty");
        entries.forEach((path, modeAndSha) -> run(null, "update-index", "--add", "--cacheinfo",
                modeAndSha[0] + "," + modeAndSha[1] + "," + path));
        return run(null, "write-tree").trim();
    }

    /** {@code git commit-tree} with the fixed author and committer; {@code message} gets git's final newline. */
    public String commitTree(String tree, String message, String... parents) {
        var args = new ArrayList<>(List.of("commit-tree", tree, "-m", message));
        for (String parent : parents) {
            args.add("-p");
            args.add(parent);
        }
        return run(null, args.toArray(String[]::new)).trim();
    }

    /** {@code git ls-tree -r <tree>} lines: "mode type sha\tpath". */
    public List<String> lsTree(String tree) {
        return List.of(run(null, "-c", "core.quotePath=false", "ls-tree", "-r", "-t", tree).split("\n"));
    }

    public String run(byte[] stdin, String... args) {
        var command = new ArrayList<String>();
        command.add("git");
        command.addAll(List.of(args));
        try {
            var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            var env = builder.environment();
            env.put("GIT_AUTHOR_NAME", NAME);
            env.put("GIT_AUTHOR_EMAIL", EMAIL);
            env.put("GIT_AUTHOR_DATE", WHEN + " +0000");
            env.put("GIT_COMMITTER_NAME", NAME);
            env.put("GIT_COMMITTER_EMAIL", EMAIL);
            env.put("GIT_COMMITTER_DATE", WHEN + " +0000");
            env.put("GIT_CONFIG_NOSYSTEM", "1");
            env.put("HOME", dir.toString());
            Process process = builder.start();
            if (stdin != null) {
                process.getOutputStream().write(stdin);
            }
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
