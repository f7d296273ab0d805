package dev.deploygateway.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link TokenCipherBenchmark} in one JMH run and prints the overhead ratio raw JCE / TokenCipher. Short
 * defaults (about two minutes); any JMH command-line option (e.g. {@code -f 2 -i 10}) overrides them.
 */
public final class CompareToJce {

    private CompareToJce() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options defaults = new OptionsBuilder()
                .include(TokenCipherBenchmark.class.getSimpleName())
                .forks(1)
                .threads(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(3))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(5))
                .parent(new CommandLineOptions(args))
                .build();
        Collection<RunResult> results = new Runner(defaults).run();

        Map<String, double[]> scores = new HashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            scores.put(name, new double[] {result.getPrimaryResult().getScore(),
                result.getPrimaryResult().getScoreError()});
        }
        double cipher = scores.get("tokenCipher")[0];
        double raw = scores.get("rawJce")[0];
        System.out.println();
        System.out.println("encrypt+decrypt of a 100-byte token, ops/s (higher is better):");
        scores.forEach((name, s) -> System.out.printf(Locale.ROOT, "  %-14s %,12.0f ± %,.0f%n", name, s[0], s[1]));
        System.out.printf(Locale.ROOT, "TokenCipher overhead vs raw JCE (rawJce / tokenCipher): %.2fx (target <= 1.5x)%n",
                raw / cipher);
        if (scores.containsKey("rawJceFixedIv")) {
            System.out.printf(Locale.ROOT, "TokenCipher vs raw JCE without the IV draw: %.2fx%n",
                    scores.get("rawJceFixedIv")[0] / cipher);
        }
    }
}
