package dev.refguard.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.nio.charset.StandardCharsets;

/** How the fuzz targets turn fuzzer bytes into text. */
final class FuzzInputs {
    /** The most bytes (or chars) one input is cut to, so every execution stays cheap. */
    static final int MAX_INPUT = 64 * 1024;

    private FuzzInputs() {}

    /**
     * Text from the input, two ways, chosen by the lowest bit of the input's <em>last</em> byte (which
     * the data provider consumes first): 0 decodes the remaining bytes as UTF-8, replacing malformed
     * sequences as the engine's reader does; 1 takes Jazzer's own string encoding, which reaches
     * unpaired surrogates and other chars UTF-8 cannot express. Checked-in seed inputs are plain SQL
     * files ending in a newline (an even byte), so they are read as the UTF-8 text they show.
     */
    static String text(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            return data.consumeString(MAX_INPUT);
        }
        return new String(data.consumeBytes(MAX_INPUT), StandardCharsets.UTF_8);
    }
}
