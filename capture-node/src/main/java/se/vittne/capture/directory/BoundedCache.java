package se.vittne.capture.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A least-recently-used cache of bounded size whose entries are fresh for a while and are served
 * stale when reloading fails, so that lookups keep working through a database outage.
 */
final class BoundedCache<K, V> {
  private static final Logger log = LoggerFactory.getLogger(BoundedCache.class);

  private record Cached<V>(V value, Instant loadedAt) {}

  private final Map<K, Cached<V>> entries;
  private final Duration freshFor;
  private final Clock clock;

  BoundedCache(int maxEntries, Duration freshFor, Clock clock) {
    this.freshFor = freshFor;
    this.clock = clock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Cached<V>> eldest) {
            return size() > maxEntries;
          }
        };
  }

  /**
   * The cached value while fresh, else what the loader returns; if the loader throws, the stale
   * value when there is one.
   */
  V get(K key, Function<K, V> loader) {
    Cached<V> cached;
    synchronized (entries) {
      cached = entries.get(key);
    }
    Instant now = clock.instant();
    if (cached != null && cached.loadedAt().plus(freshFor).isAfter(now)) {
      return cached.value();
    }
    try {
      V value = loader.apply(key);
      synchronized (entries) {
        entries.put(key, new Cached<>(value, now));
      }
      return value;
    } catch (RuntimeException e) {
      if (cached == null) {
        throw e;
      }
      log.warn(
          "lookup of {} failed, serving the value of {}: {}", key, cached.loadedAt(), e.toString());
      return cached.value();
    }
  }

  void invalidateIf(Predicate<K> which) {
    synchronized (entries) {
      entries.keySet().removeIf(which);
    }
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
