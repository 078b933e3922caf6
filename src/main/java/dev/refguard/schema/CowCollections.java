package dev.refguard.schema;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model's containers as copy-on-write collections, so a {@link ModelSnapshot} taken before every
 * statement costs nothing: {@code save()} hands out the current contents and marks them shared, and the
 * first change after it copies them (docs/replay.md, "Transactions"). A saved state is never changed
 * afterwards; {@code restore} puts it back, shared again.
 */
final class CowCollections {
    private CowCollections() {}

    /** A hash map (in insertion order when {@code linked}) whose state can be saved in O(1). */
    static final class CowMap<K, V> extends AbstractMap<K, V> {
        private final boolean linked;
        private HashMap<K, V> map;
        private boolean shared;

        /** A map without order. */
        CowMap() {
            this(false);
        }

        /** A map in insertion order when {@code linked}, as a {@link LinkedHashMap}. */
        CowMap(boolean linked) {
            this.linked = linked;
            this.map = linked ? new LinkedHashMap<>() : new HashMap<>();
        }

        /** The current contents, never to be changed by the caller. */
        Map<K, V> save() {
            shared = true;
            return map;
        }

        void restore(Map<K, V> saved) {
            map = (HashMap<K, V>) saved;
            shared = true;
        }

        private HashMap<K, V> own() {
            if (shared) {
                map = linked ? new LinkedHashMap<>(map) : new HashMap<>(map);
                shared = false;
            }
            return map;
        }

        @Override
        public void replaceAll(java.util.function.BiFunction<? super K, ? super V, ? extends V> function) {
            own().replaceAll(function);
        }

        @Override
        public V get(Object key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public V put(K key, V value) {
            return own().put(key, value);
        }

        @Override
        public V remove(Object key) {
            return map.containsKey(key) ? own().remove(key) : null;
        }

        @Override
        public void putAll(Map<? extends K, ? extends V> m) {
            own().putAll(m);
        }

        @Override
        public void clear() {
            own().clear();
        }

        @Override
        public Set<Entry<K, V>> entrySet() {
            return Collections.unmodifiableMap(map).entrySet();
        }

        @Override
        public Set<K> keySet() {
            return Collections.unmodifiableSet(map.keySet());
        }

        @Override
        public Collection<V> values() {
            return Collections.unmodifiableCollection(map.values());
        }
    }

    /** An array list whose state can be saved in O(1). */
    static final class CowList<E> extends AbstractList<E> {
        private ArrayList<E> list = new ArrayList<>();
        private boolean shared;

        /** A list holding {@code elements}. */
        static <E> CowList<E> of(Collection<? extends E> elements) {
            CowList<E> list = new CowList<>();
            list.list.addAll(elements);
            return list;
        }

        List<E> save() {
            shared = true;
            return list;
        }

        void restore(List<E> saved) {
            list = (ArrayList<E>) saved;
            shared = true;
        }

        private ArrayList<E> own() {
            if (shared) {
                list = new ArrayList<>(list);
                shared = false;
            }
            return list;
        }

        @Override
        public E get(int index) {
            return list.get(index);
        }

        @Override
        public int size() {
            return list.size();
        }

        @Override
        public E set(int index, E element) {
            return own().set(index, element);
        }

        @Override
        public void add(int index, E element) {
            own().add(index, element);
            modCount++;
        }

        @Override
        public E remove(int index) {
            modCount++;
            return own().remove(index);
        }

        @Override
        public boolean remove(Object o) {
            int i = list.indexOf(o);
            if (i < 0) {
                return false;
            }
            remove(i);
            return true;
        }

        @Override
        public void clear() {
            modCount++;
            own().clear();
        }

        @Override
        public boolean contains(Object o) {
            return list.contains(o);
        }

        @Override
        public boolean removeIf(java.util.function.Predicate<? super E> filter) {
            for (E e : list) {
                if (filter.test(e)) {
                    modCount++;
                    return own().removeIf(filter);
                }
            }
            return false;
        }

        @Override
        public Iterator<E> iterator() {
            return Collections.unmodifiableList(list).iterator();
        }
    }

    /**
     * A hash set whose state can be saved in O(1) and changed after a save in O(√n) amortised: it is a base set,
     * never changed once made, and a small delta of additions and removals over it. A save shares both; the first
     * change after it copies only the delta, and when the delta outgrows about √n it is folded into a new base. So
     * a snapshot before every statement does not copy a set of thousands of constraint names per statement.
     */
    static final class CowSet<E> extends AbstractSet<E> {
        /** The smallest delta that is folded into the base. */
        private static final int MIN_DELTA = 16;

        private Set<E> base = Collections.emptySet();
        private HashSet<E> added = new HashSet<>();
        private HashSet<E> removed = new HashSet<>();
        private boolean deltaShared;

        /** A saved state: its three parts are never changed again. */
        private static final class Saved<E> extends AbstractSet<E> {
            final Set<E> base;
            final Set<E> added;
            final Set<E> removed;

            Saved(Set<E> base, Set<E> added, Set<E> removed) {
                this.base = base;
                this.added = added;
                this.removed = removed;
            }

            @Override
            public boolean contains(Object o) {
                return CowSet.contains(base, added, removed, o);
            }

            @Override
            public int size() {
                return base.size() - removed.size() + added.size();
            }

            @Override
            public Iterator<E> iterator() {
                return CowSet.iterator(base, added, removed);
            }
        }

        Set<E> save() {
            deltaShared = true;
            return new Saved<>(base, added, removed);
        }

        void restore(Set<E> saved) {
            Saved<E> s = (Saved<E>) saved;
            base = s.base;
            added = (HashSet<E>) s.added;
            removed = (HashSet<E>) s.removed;
            deltaShared = true;
        }

        private void ownDelta() {
            if (deltaShared) {
                added = new HashSet<>(added);
                removed = new HashSet<>(removed);
                deltaShared = false;
            }
        }

        /** Folds a delta grown past about √n into a new base (the old one may belong to a saved state). */
        private void foldIfLarge() {
            int delta = added.size() + removed.size();
            if (delta < MIN_DELTA || (long) delta * delta < base.size()) {
                return;
            }
            HashSet<E> folded = new HashSet<>(base);
            folded.removeAll(removed);
            folded.addAll(added);
            base = folded;
            added = new HashSet<>();
            removed = new HashSet<>();
            deltaShared = false;
        }

        private static boolean contains(Set<?> base, Set<?> added, Set<?> removed, Object o) {
            return added.contains(o) || (base.contains(o) && !removed.contains(o));
        }

        private static <E> Iterator<E> iterator(Set<E> base, Set<E> added, Set<E> removed) {
            List<E> all = new ArrayList<>(base.size() - removed.size() + added.size());
            for (E e : base) {
                if (!removed.contains(e)) {
                    all.add(e);
                }
            }
            all.addAll(added);
            return Collections.unmodifiableList(all).iterator();
        }

        @Override
        public boolean contains(Object o) {
            return contains(base, added, removed, o);
        }

        @Override
        public int size() {
            return base.size() - removed.size() + added.size();
        }

        @Override
        public boolean add(E e) {
            if (contains(e)) {
                return false;
            }
            ownDelta();
            if (!removed.remove(e)) {
                added.add(e);
            }
            foldIfLarge();
            return true;
        }

        @Override
        public boolean remove(Object o) {
            if (!contains(o)) {
                return false;
            }
            ownDelta();
            if (!added.remove(o)) {
                @SuppressWarnings("unchecked")
                E e = (E) o; // o is in the base, so it is an E
                removed.add(e);
            }
            foldIfLarge();
            return true;
        }

        @Override
        public void clear() {
            base = Collections.emptySet();
            added = new HashSet<>();
            removed = new HashSet<>();
            deltaShared = false;
        }

        @Override
        public boolean removeAll(Collection<?> c) {
            boolean changed = false;
            for (Object o : c) {
                changed |= remove(o);
            }
            return changed;
        }

        @Override
        public Iterator<E> iterator() {
            return iterator(base, added, removed);
        }
    }
}
