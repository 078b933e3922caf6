package dev.refguard.source;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Spring Boot configuration of a module, as far as its migrations care: {@code application.properties},
 * {@code application.yml} / {@code .yaml} in {@code src/main/resources}, and the profile files beside them
 * ({@code application-dev.yml}, and YAML documents activated {@code on-profile}). Keys are compared the way Spring's
 * relaxed binding does ({@code sql-migration-prefix}, {@code sqlMigrationPrefix} and {@code SQL_MIGRATION_PREFIX}
 * are one key). A file that cannot be read or parsed is ignored: it configures nothing.
 *
 * @param base the properties of the files no profile activates
 * @param profiles profile name to its properties
 */
record SpringConfig(Map<String, String> base, Map<String, Map<String, String>> profiles) {
    private static final Pattern PROFILE_FILE = Pattern.compile("application-(.+)\\.(properties|ya?ml)");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    /** Nothing configured. */
    static final SpringConfig NONE = new SpringConfig(Map.of(), Map.of());

    /** Reads the configuration files of the module at {@code moduleDir}. */
    static SpringConfig read(Path moduleDir) {
        Path resources = moduleDir.resolve("src/main/resources");
        if (!Files.isDirectory(resources)) {
            return NONE;
        }
        Map<String, String> base = new LinkedHashMap<>();
        Map<String, Map<String, String>> profiles = new TreeMap<>();
        for (String name : List.of("application.properties", "application.yml", "application.yaml")) {
            load(resources.resolve(name), base, profiles);
        }
        List<Path> profileFiles = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(resources, "application-*")) {
            entries.forEach(profileFiles::add);
        } catch (IOException e) {
            // no profile files
        }
        profileFiles.sort(null);
        for (Path file : profileFiles) {
            Matcher m = PROFILE_FILE.matcher(String.valueOf(file.getFileName()));
            if (m.matches()) {
                Map<String, String> profile = profiles.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>());
                load(file, profile, profiles);
            }
        }
        return new SpringConfig(base, profiles);
    }

    /** The value of {@code key} in the base files, references to other keys resolved; null when not set. */
    String get(String key) {
        return get(base, key);
    }

    /** The value of {@code key} in {@code properties}, relaxed. */
    String get(Map<String, String> properties, String key) {
        String wanted = canonical(key);
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (canonical(e.getKey()).equals(wanted)) {
                return resolve(properties, e.getValue());
            }
        }
        return null;
    }

    /** The entries below {@code prefix} (e.g. {@code spring.flyway.placeholders}), by the rest of their key. */
    Map<String, String> below(Map<String, String> properties, String prefix) {
        String wanted = canonical(prefix) + ".";
        Map<String, String> found = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            String key = e.getKey();
            int dots = prefix.split("\\.").length;
            String[] parts = key.split("\\.", dots + 1);
            if (parts.length == dots + 1 && canonical(key).startsWith(wanted)) {
                String rest = parts[dots];
                if (rest.startsWith("[") && rest.endsWith("]")) {
                    rest = rest.substring(1, rest.length() - 1);
                }
                found.put(rest, resolve(properties, e.getValue()));
            }
        }
        return found;
    }

    /** Spring's relaxed form of a key: lower case, without dashes and underscores, list indexes as parts. */
    static String canonical(String key) {
        return key.replaceAll("\\[(\\d+)]", ".$1")
                .replace("-", "")
                .replace("_", "")
                .toLowerCase(Locale.ROOT);
    }

    /** {@code ${key:default}} references: the key when it is set, else the default; unknown ones stay. */
    private String resolve(Map<String, String> properties, String value) {
        if (value == null || !value.contains("${")) {
            return value;
        }
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1).strip();
            String found = null;
            if (!key.contains("${")) {
                for (Map.Entry<String, String> e : properties.entrySet()) {
                    if (canonical(e.getKey()).equals(canonical(key))) {
                        found = e.getValue();
                    }
                }
            }
            if (found == null) {
                found = m.group(2) != null ? m.group(2) : m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(found));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void load(Path file, Map<String, String> into, Map<String, Map<String, String>> profiles) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        String name = String.valueOf(file.getFileName());
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (name.endsWith(".properties")) {
                Properties properties = new Properties();
                properties.load(reader);
                properties.stringPropertyNames().stream().sorted().forEach(k -> into.put(k, properties.getProperty(k)));
                return;
            }
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            for (Object document : yaml.loadAll(reader)) {
                Map<String, String> flat = new LinkedHashMap<>();
                flatten("", document, flat);
                String profile = null;
                for (String key : List.of("spring.config.activate.on-profile", "spring.profiles")) {
                    for (Map.Entry<String, String> e : flat.entrySet()) {
                        if (canonical(e.getKey()).equals(canonical(key))) {
                            profile = e.getValue();
                        }
                    }
                }
                if (profile == null || profile.isBlank()) {
                    flat.forEach(into::putIfAbsent);
                } else {
                    flat.forEach(profiles.computeIfAbsent(profile.strip(), k -> new LinkedHashMap<>())::putIfAbsent);
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable or not YAML: the file configures nothing
        }
    }

    private static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else if (value instanceof List<?> list) {
            List<String> scalars = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (item instanceof Map<?, ?> || item instanceof List<?>) {
                    flatten(prefix + "[" + i + "]", item, into);
                } else if (item != null) {
                    scalars.add(String.valueOf(item));
                }
            }
            if (!scalars.isEmpty()) {
                into.put(prefix, String.join(",", scalars));
            }
        } else if (value != null && !prefix.isEmpty()) {
            into.put(prefix, String.valueOf(value));
        }
    }
}
