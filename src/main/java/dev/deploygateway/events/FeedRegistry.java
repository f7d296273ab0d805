package dev.deploygateway.events;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The open feeds of this instance by log key. A feed is created on first use and removes itself when it closes
 * (on its own loop); whoever reaches a feed that has just closed is sent to a fresh one. Creating a feed runs
 * nothing but its constructor, so the map's own bin lock never waits for anything else.
 */
final class FeedRegistry {

    private final ConcurrentHashMap<String, Feed> feeds = new ConcurrentHashMap<>();
    private final Function<String, Feed.Source> sources;
    private final FeedSettings settings;

    FeedRegistry(Function<String, Feed.Source> sources, FeedSettings settings) {
        this.sources = sources;
        this.settings = settings;
    }

    /**
     * Runs {@code action} on the feed of {@code logKey}, on the feed's own loop ({@code home} for a new feed); a
     * feed that closed meanwhile (the action answers false, or it was closed already) is replaced and the action
     * retried on the new one.
     */
    void onFeed(String logKey, FeedLoop home, Predicate<Feed> action) {
        Feed feed = feeds.computeIfAbsent(logKey,
                key -> new Feed(home, sources.apply(key), settings, closed -> feeds.remove(key, closed)));
        feed.home().execute(() -> {
            if (feed.isClosed() || !action.test(feed)) {
                onFeed(logKey, home, action);
            }
        });
    }

    Feed get(String logKey) {
        return feeds.get(logKey);
    }

    Collection<Feed> all() {
        return feeds.values();
    }

    int size() {
        return feeds.size();
    }
}
