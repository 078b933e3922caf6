package dev.refguard.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CowSetTest {

    /** A saved state, and what a plain copy of the set held at that moment. */
    private record Saved(Set<Integer> state, Set<Integer> expected) {}

    @Test
    void agreesWithAPlainSetThroughRandomChangesSavesAndRestores() {
        Random random = new Random(20261202L);
        CowCollections.CowSet<Integer> set = new CowCollections.CowSet<>();
        Set<Integer> reference = new HashSet<>();
        Deque<Saved> saves = new ArrayDeque<>();
        int restores = 0;
        int maxSize = 0;
        for (int step = 0; step < 200_000; step++) {
            int op = random.nextInt(100);
            int value = random.nextInt(3_000);
            if (op < 55) {
                assertThat(set.add(value)).isEqualTo(reference.add(value));
            } else if (op < 80) {
                assertThat(set.remove(value)).isEqualTo(reference.remove(value));
            } else if (op < 92) {
                saves.push(new Saved(set.save(), Set.copyOf(reference)));
            } else if (op < 99 && !saves.isEmpty()) {
                // savepoints are restored newest first, as transactions and statements do; a restored one stays
                // usable, as after ROLLBACK TO SAVEPOINT
                int drop = random.nextInt(Math.min(3, saves.size()));
                for (int i = 0; i < drop; i++) {
                    saves.pop();
                }
                Saved target = saves.peek();
                set.restore(target.state());
                reference = new HashSet<>(target.expected());
                restores++;
            } else if (op == 99 && random.nextInt(20) == 0) {
                set.clear();
                reference.clear();
            }
            assertThat(set.contains(value)).isEqualTo(reference.contains(value));
            assertThat(set.size()).isEqualTo(reference.size());
            maxSize = Math.max(maxSize, set.size());
            if (step % 997 == 0) {
                assertThat(new HashSet<>(set)).isEqualTo(reference);
                for (Saved s : saves) {
                    assertThat(new HashSet<>(s.state())).isEqualTo(s.expected()); // a saved state never changes
                }
            }
        }
        assertThat(restores).isGreaterThan(1_000);
        assertThat(maxSize).isGreaterThan(500); // large enough that the delta is folded into new bases
    }
}
