package org.nngrader.bank.math;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The results of a pure function, remembered up to a bound (then forgotten all at once): a
 * class's pages repeat the same step ids, formulas and sentences. Thread-safe.
 */
public final class Memo<K, V> {

  private final int bound;
  private final ConcurrentHashMap<K, V> known = new ConcurrentHashMap<>();

  public Memo(int bound) {
    this.bound = bound;
  }

  /** The value remembered for {@code key}, or null. */
  public V known(K key) {
    return known.get(key);
  }

  /** {@code f(key)}, computed once while remembered. */
  public V get(K key, Function<K, V> f) {
    V v = known.get(key);
    if (v == null) {
      v = f.apply(key);
      if (known.size() >= bound) {
        known.clear();
      }
      known.putIfAbsent(key, v);
    }
    return v;
  }
}
