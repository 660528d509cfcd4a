package nl.wederkerig.api.platform.axon;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Field;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An aggregate cache that several application instances on one database may use: a cached
 * aggregate is used only while no other instance has appended to its stream since. Before a cached
 * aggregate decides a command, the stream's last sequence number is read (one indexed query); if it
 * moved on, the aggregate is loaded from its events instead. Without this, a cached community that
 * missed another instance's deregistration would still let a command name the member who left.
 */
final class CheckedAggregateCache implements Cache {

    /** The version (last sequence number) an entry was cached at; Axon keeps it in a private field. */
    private static final Field VERSION = versionField();

    private final Cache cached;
    private final JdbcTemplate jdbc;

    CheckedAggregateCache(Cache cached, JdbcTemplate jdbc) {
        this.cached = cached;
        this.jdbc = jdbc;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        V value = cached.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !current(key.toString(), entry)) {
            cached.remove(key);
            return null;
        }
        return value;
    }

    private boolean current(String aggregateIdentifier, AggregateCacheEntry<?> entry) {
        Long stored = jdbc.queryForObject("SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateIdentifier);
        return stored != null && stored.equals(versionOf(entry));
    }

    static Long versionOf(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read a cached aggregate's version", e);
        }
    }

    private static Field versionField() {
        try {
            Field version = AggregateCacheEntry.class.getDeclaredField("version");
            version.setAccessible(true);
            return version;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry no longer has a version field; check CheckedAggregateCache", e);
        }
    }

    @Override
    public void put(Object key, Object value) {
        cached.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return cached.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return cached.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public boolean remove(Object key) {
        return cached.remove(key);
    }

    @Override
    public void removeAll() {
        cached.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return cached.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return cached.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        cached.computeIfPresent(key, update);
    }
}
