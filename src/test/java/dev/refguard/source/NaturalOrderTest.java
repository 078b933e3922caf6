package dev.refguard.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {
    @Test
    void comparesDigitRunsByValue() {
        assertThat(sorted(NaturalOrder.NAMES, "10_b.sql", "2_a.sql", "1_c.sql"))
                .containsExactly("1_c.sql", "2_a.sql", "10_b.sql");
    }

    @Test
    void comparesDigitRunsLongerThanALong() {
        assertThat(NaturalOrder.compareNames("99999999999999999999999_a", "100000000000000000000000_a"))
                .isNegative();
    }

    @Test
    void ordersNamesThatDifferOnlyInLeadingZerosStably() {
        assertThat(sorted(NaturalOrder.NAMES, "1.sql", "01.sql", "001.sql"))
                .containsExactly("001.sql", "01.sql", "1.sql");
    }

    @Test
    void putsAShorterNameWithTheSamePrefixFirst() {
        assertThat(NaturalOrder.compareNames("a", "a1")).isNegative();
        assertThat(NaturalOrder.compareNames("a1", "a")).isPositive();
    }

    @Test
    void keepsTheFilesOfOneFolderTogether() {
        assertThat(sorted(NaturalOrder.PATHS, "a-b/c.sql", "a/z.sql", "a/10/x.sql", "a/9/x.sql"))
                .containsExactly("a/9/x.sql", "a/10/x.sql", "a/z.sql", "a-b/c.sql");
    }

    private static List<String> sorted(java.util.Comparator<String> order, String... names) {
        List<String> list = new ArrayList<>(List.of(names));
        list.sort(order);
        return list;
    }
}
