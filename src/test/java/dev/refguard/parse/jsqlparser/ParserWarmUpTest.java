package dev.refguard.parse.jsqlparser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParserWarmUpTest {
    /** A warm-up statement JSqlParser rejected would stop its run early and leave the mappers cold. */
    @Test
    void jsqlParserReadsEveryWarmUpStatement() {
        assertThat(ParserWarmUp.warmUp()).isEqualTo(3);
    }

    /** The analysis closes the warm-up before it ends, so no thread outlives the goal and its class loader. */
    @Test
    void closingWaitsForTheWarmUpToEnd() {
        ParserWarmUp warmUp = ParserWarmUp.start();
        warmUp.close();
        assertThat(warmUp.running()).isFalse();
    }
}
