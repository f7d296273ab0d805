package dev.deploygateway.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link TokenCipherBenchmark} and prints the overhead ratio raw JCE / TokenCipher.
 *
 * <p>Why rounds: on a shared machine the load drifts over a minute, and JMH runs one benchmark after the other,
 * so a single run compares numbers taken under different loads. Instead this runs several short rounds (one fork
 * per benchmark each, the order alternating between rounds) and reports each round's ratio and the median, which
 * compares measurements taken seconds apart. The warm-up is deliberately long (8 s): with the two cores busy, C2
 * needs seconds to compile the AES-GCM intrinsics, and a short warm-up penalises whichever path is larger. {@code -Drounds=N} changes the number of rounds (default 3, about
 * two and a half minutes in all); JMH command-line options (e.g. {@code -i 5 -r 5s}) override the per-round settings.
 */
public final class CompareToJce {

    private static final List<String> BENCHMARKS = List.of("tokenCipher", "rawJce", "rawJceFixedIv");

    private CompareToJce() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        int rounds = Integer.getInteger("rounds", 3);
        CommandLineOptions commandLine = new CommandLineOptions(args);
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        BENCHMARKS.forEach(b -> scores.put(b, new ArrayList<>()));
        List<Double> ratios = new ArrayList<>();
        List<Double> fixedIvRatios = new ArrayList<>();

        for (int round = 0; round < rounds; round++) {
            List<String> order = new ArrayList<>(BENCHMARKS);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            Map<String, Double> roundScores = new LinkedHashMap<>();
            for (String benchmark : order) {
                ChainedOptionsBuilder options = new OptionsBuilder()
                        .parent(commandLine)
                        .include(TokenCipherBenchmark.class.getName() + "." + benchmark + "$")
                        .verbosity(VerboseMode.SILENT);
                // Builder settings win over the parent, so apply a default only where the command line is silent.
                if (!commandLine.getForkCount().hasValue()) {
                    options.forks(1);
                }
                if (!commandLine.getThreads().hasValue()) {
                    options.threads(1);
                }
                if (!commandLine.getWarmupIterations().hasValue()) {
                    options.warmupIterations(4);
                }
                if (!commandLine.getWarmupTime().hasValue()) {
                    options.warmupTime(TimeValue.seconds(2));
                }
                if (!commandLine.getMeasurementIterations().hasValue()) {
                    options.measurementIterations(3);
                }
                if (!commandLine.getMeasurementTime().hasValue()) {
                    options.measurementTime(TimeValue.seconds(2));
                }
                RunResult result = new Runner(options.build()).runSingle();
                double score = result.getPrimaryResult().getScore();
                roundScores.put(benchmark, score);
                scores.get(benchmark).add(score);
            }
            double ratio = roundScores.get("rawJce") / roundScores.get("tokenCipher");
            double fixedIvRatio = roundScores.get("rawJceFixedIv") / roundScores.get("tokenCipher");
            ratios.add(ratio);
            fixedIvRatios.add(fixedIvRatio);
            System.out.printf(Locale.ROOT, "round %d: tokenCipher %,.0f  rawJce %,.0f  rawJceFixedIv %,.0f ops/s"
                    + "  -> ratio %.2fx (without IV draw %.2fx)%n", round + 1, roundScores.get("tokenCipher"),
                    roundScores.get("rawJce"), roundScores.get("rawJceFixedIv"), ratio, fixedIvRatio);
        }

        System.out.println();
        System.out.println("encrypt+decrypt of a 100-byte token, ops/s per round (higher is better), median:");
        scores.forEach((name, s) -> System.out.printf(Locale.ROOT, "  %-14s median %,10.0f  all %s%n", name,
                median(s), format(s)));
        System.out.printf(Locale.ROOT, "TokenCipher overhead vs raw JCE (rawJce / tokenCipher), median of rounds: "
                + "%.2fx  rounds %s  (target <= 1.5x)%n", median(ratios), format(ratios));
        System.out.printf(Locale.ROOT, "Same against raw JCE without the IV draw: %.2fx  rounds %s%n",
                median(fixedIvRatios), format(fixedIvRatios));
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String format(List<Double> values) {
        return Arrays.toString(values.stream().map(v -> v >= 100
                ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v)).toArray());
    }
}
