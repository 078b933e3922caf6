package dev.refguard.report;

import com.google.gson.FormattingStyle;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import java.util.List;

/**
 * How refguard writes JSON files: pretty-printed with two spaces and {@code \n} whatever the platform,
 * keys in insertion order, {@code null} written rather than dropped (so every object has the same keys),
 * no HTML escaping (names like {@code a<b} stay readable), and a final newline.
 */
final class JsonText {
    private static final Gson GSON = new GsonBuilder()
            .setFormattingStyle(FormattingStyle.PRETTY.withNewline("\n").withIndent("  "))
            .disableHtmlEscaping()
            .serializeNulls()
            .create();

    private JsonText() {}

    static String render(JsonElement element) {
        return GSON.toJson(element) + "\n";
    }

    static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        for (String value : values) {
            if (value == null) {
                array.add(JsonNull.INSTANCE);
            } else {
                array.add(value);
            }
        }
        return array;
    }
}
