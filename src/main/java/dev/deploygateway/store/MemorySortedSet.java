package dev.deploygateway.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** A sorted set with Redis ordering: by score, then by member (byte order for ASCII members). */
public final class MemorySortedSet {

    private static final Comparator<ScoredMember> ORDER = Comparator.comparingDouble(ScoredMember::score)
            .thenComparing(ScoredMember::member);

    private final Map<String, Double> scores = new HashMap<>();
    private final TreeSet<ScoredMember> ordered = new TreeSet<>(ORDER);

    /** {@code ZADD [NX]}: true when the member is new. An existing member is re-scored unless onlyIfAbsent. */
    public boolean add(String member, double score, boolean onlyIfAbsent) {
        Double old = scores.get(member);
        if (old != null) {
            if (!onlyIfAbsent) {
                ordered.remove(new ScoredMember(member, old));
                ordered.add(new ScoredMember(member, score));
                scores.put(member, score);
            }
            return false;
        }
        scores.put(member, score);
        ordered.add(new ScoredMember(member, score));
        return true;
    }

    public Optional<Double> score(String member) {
        return Optional.ofNullable(scores.get(member));
    }

    public boolean remove(String member) {
        Double old = scores.remove(member);
        return old != null && ordered.remove(new ScoredMember(member, old));
    }

    /** Members with min &lt;= score &lt;= max, ascending, at most limit of them. */
    public List<ScoredMember> rangeByScore(double min, double max, int limit) {
        List<ScoredMember> out = new ArrayList<>();
        for (ScoredMember m : ordered) {
            if (m.score() > max || out.size() >= limit) {
                break;
            }
            if (m.score() >= min) {
                out.add(m);
            }
        }
        return out;
    }

    /** Members with min &lt;= score &lt;= max, descending (by score, then member), at most limit of them. */
    public List<ScoredMember> rangeByScoreDescending(double max, double min, int limit) {
        List<ScoredMember> out = new ArrayList<>();
        for (ScoredMember m : ordered.descendingSet()) {
            if (m.score() < min || out.size() >= limit) {
                break;
            }
            if (m.score() <= max) {
                out.add(m);
            }
        }
        return out;
    }

    /** Removes members with min &lt;= score &lt;= max; returns how many. */
    public long removeRangeByScore(double min, double max) {
        List<ScoredMember> doomed = rangeByScore(min, max, Integer.MAX_VALUE);
        doomed.forEach(m -> remove(m.member()));
        return doomed.size();
    }

    /** The member with the lowest score. */
    public Optional<ScoredMember> first() {
        return ordered.isEmpty() ? Optional.empty() : Optional.of(ordered.first());
    }

    public int size() {
        return scores.size();
    }

    public boolean isEmpty() {
        return scores.isEmpty();
    }
}
