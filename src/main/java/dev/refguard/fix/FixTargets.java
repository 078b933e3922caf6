package dev.refguard.fix;

import dev.refguard.source.FlywayFileName;
import dev.refguard.source.FlywayNaming;
import dev.refguard.source.MigrationFile;
import dev.refguard.source.MigrationHistory;
import dev.refguard.source.NaturalOrder;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the next migration of a history in the history's own folder and naming scheme, so that its tool runs it
 * after every migration already there.
 */
final class FixTargets {
    /** The description every fix migration carries in its name. */
    static final String DESCRIPTION = "refguard_fix";

    /** Supabase, Prisma and dbmate stamp migrations with the UTC time they were made. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT);

    private static final Pattern LEADING_DIGITS = Pattern.compile("^(\\d+)(.*)$");

    private FixTargets() {}

    /**
     * The new file for {@code history}.
     *
     * @param baseDir the base directory the history's relative paths start from
     * @param flyway how Flyway names files in this module
     * @param now the time a timestamped name is made from
     * @throws FixException when the history's names leave no later place refguard can name
     */
    static FixTarget next(MigrationHistory history, Path baseDir, FlywayNaming flyway, Instant now) {
        List<MigrationFile> files = history.files();
        if (files.isEmpty()) {
            throw new FixException("refguard: the history " + history.root() + " has no migration to add a fix after");
        }
        return switch (history.layout()) {
            case SUPABASE -> timestamped(history, baseDir, now, "");
            case DBMATE -> timestamped(history, baseDir, now, "-- migrate:up\n");
            case PRISMA -> prisma(history, baseDir, now);
            case FLYWAY -> flyway(history, baseDir, flyway);
            case GOOSE -> numbered(history, baseDir, ".sql", "-- +goose Up\n", true);
            case GOLANG_MIGRATE -> numbered(history, baseDir, ".up.sql", "", false);
            case LIQUIBASE -> liquibase(history, baseDir, now);
            case PLAIN -> plain(history, baseDir);
        };
    }

    /** {@code <folder>/<stamp>_refguard_fix.sql}, the stamp later than every migration's. */
    private static FixTarget timestamped(MigrationHistory history, Path baseDir, Instant now, String header) {
        MigrationFile last = latestByVersion(history.files(), MigrationFile::fileName);
        Path dir = last.path().getParent();
        String name =
                laterStamp(history.files().stream().map(MigrationFile::fileName), now) + "_" + DESCRIPTION + ".sql";
        Path file = dir.resolve(name);
        return new FixTarget(file, relative(baseDir, file), null, header, "", "", "");
    }

    /** {@code prisma/migrations/<stamp>_refguard_fix/migration.sql}, a folder of its own. */
    private static FixTarget prisma(MigrationHistory history, Path baseDir, Instant now) {
        MigrationFile last = latestByVersion(history.files(), FixTargets::folderName);
        Path migrations = last.path().getParent().getParent();
        String folder = laterStamp(history.files().stream().map(FixTargets::folderName), now) + "_" + DESCRIPTION;
        Path dir = migrations.resolve(folder);
        Path file = dir.resolve("migration.sql");
        return new FixTarget(file, relative(baseDir, file), dir, "", "", "", "");
    }

    /**
     * {@code V<next>__refguard_fix.sql} beside the highest version (of a versioned or a baseline migration: Flyway
     * skips versions up to a baseline), with the project's prefix, separator and suffix.
     */
    private static FixTarget flyway(MigrationHistory history, Path baseDir, FlywayNaming naming) {
        MigrationFile highest = null;
        FlywayFileName highestName = null;
        for (MigrationFile f : history.files()) {
            FlywayFileName parsed = FlywayFileName.parse(f.fileName(), naming).orElse(null);
            if (parsed == null
                    || (parsed.kind() != FlywayFileName.Kind.VERSIONED
                            && parsed.kind() != FlywayFileName.Kind.BASELINE)) {
                continue;
            }
            if (highestName == null || parsed.version().compareTo(highestName.version()) > 0) {
                highest = f;
                highestName = parsed;
            }
        }
        String fallbackSuffix = naming.suffixes().get(0);
        if (highest == null) {
            // only repeatable migrations: version 1 runs before them, as every versioned migration does
            Path dir = history.files().get(0).path().getParent();
            Path file = dir.resolve(naming.versionedPrefix() + "1" + naming.separator() + DESCRIPTION + fallbackSuffix);
            return FixTarget.plain(file, relative(baseDir, file));
        }
        String name = highest.fileName();
        String suffix = naming.suffixes().stream()
                .filter(x -> name.toLowerCase(Locale.ROOT).endsWith(x.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElse(fallbackSuffix);
        String prefix =
                highestName.kind() == FlywayFileName.Kind.BASELINE ? naming.baselinePrefix() : naming.versionedPrefix();
        String stem = name.substring(prefix.length(), name.length() - suffix.length());
        int separator = stem.indexOf(naming.separator());
        String version = separator < 0 ? stem : stem.substring(0, separator);
        Path file = highest.path()
                .getParent()
                .resolve(naming.versionedPrefix()
                        + incrementLastNumber(version)
                        + naming.separator()
                        + DESCRIPTION
                        + suffix);
        return FixTarget.plain(file, relative(baseDir, file));
    }

    /** goose and golang-migrate: the next version number, as wide as the highest one. */
    private static FixTarget numbered(
            MigrationHistory history, Path baseDir, String suffix, String header, boolean gooseBlocks) {
        MigrationFile last = latestByVersion(history.files(), MigrationFile::fileName);
        Matcher m = LEADING_DIGITS.matcher(last.fileName());
        if (!m.matches()) {
            throw new FixException("refguard: cannot name a migration after " + last.relativePath()
                    + ": its name does not start with a version number");
        }
        Path file = last.path().getParent().resolve(incrementLastNumber(m.group(1)) + "_" + DESCRIPTION + suffix);
        // goose splits on semicolons unless a statement is fenced: function bodies hold semicolons
        return new FixTarget(
                file,
                relative(baseDir, file),
                null,
                header,
                gooseBlocks ? "-- +goose StatementBegin\n" : "",
                gooseBlocks ? "-- +goose StatementEnd\n" : "",
                "");
    }

    /** A new formatted-SQL changelog beside the last one the master includes; the master is left to the user. */
    private static FixTarget liquibase(MigrationHistory history, Path baseDir, Instant now) {
        MigrationFile last = history.files().get(history.files().size() - 1);
        Path master = baseDir.resolve(history.root()).normalize();
        Path file = nextInOrder(history, last, baseDir, now);
        String include = master.getParent().relativize(file).toString().replace('\\', '/');
        String masterName = master.getFileName().toString().toLowerCase(Locale.ROOT);
        String entry;
        if (masterName.endsWith(".xml")) {
            entry = "<include file=\"" + include + "\" relativeToChangelogFile=\"true\"/>";
        } else if (masterName.endsWith(".yaml") || masterName.endsWith(".yml")) {
            entry = "- include: {file: " + include + ", relativeToChangelogFile: true}";
        } else if (masterName.endsWith(".json")) {
            entry = "{\"include\": {\"file\": \"" + include + "\", \"relativeToChangelogFile\": true}}";
        } else {
            entry = "--include file:" + include;
        }
        String note = "refguard never edits an existing file: add " + entry + " at the end of " + history.root()
                + " (unless an includeAll of its folder picks it up already)";
        String stamp = STAMP.format(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        // one changeset sent whole: Liquibase's own splitting would cut a function body at its semicolons
        String header =
                "--liquibase formatted sql\n\n--changeset refguard:refguard-fix-" + stamp + " splitStatements:false\n";
        return new FixTarget(file, relative(baseDir, file), null, header, "", "", note);
    }

    /** The next file of a directory ordered by path: the number after the last one's, else its name extended. */
    private static FixTarget plain(MigrationHistory history, Path baseDir) {
        MigrationFile last = history.files().get(history.files().size() - 1);
        Path file = nextInOrder(history, last, baseDir, null);
        return FixTarget.plain(file, relative(baseDir, file));
    }

    /**
     * A name in {@code last}'s folder that the natural order of paths puts after every file of the history: the
     * number after {@code last}'s leading number (as wide), or {@code last}'s name with {@code _refguard_fix}
     * appended, or the UTC stamp when {@code now} is given and the history has none of those.
     */
    private static Path nextInOrder(MigrationHistory history, MigrationFile last, Path baseDir, Instant now) {
        Path dir = last.path().getParent();
        String name = last.fileName();
        Matcher m = LEADING_DIGITS.matcher(name);
        String candidate;
        if (m.matches()) {
            String rest = m.group(2);
            String separator = rest.isEmpty() || Character.isLetterOrDigit(rest.charAt(0)) ? "_" : rest.substring(0, 1);
            if (separator.equals(".")) {
                separator = "_";
            }
            candidate = incrementLastNumber(m.group(1)) + separator + DESCRIPTION + ".sql";
        } else {
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            candidate = stem + "_" + DESCRIPTION + ".sql";
        }
        Path file = dir.resolve(candidate);
        String relative = relative(baseDir, file);
        boolean lastOfAll =
                history.files().stream().allMatch(f -> NaturalOrder.PATHS.compare(f.relativePath(), relative) < 0);
        if (!lastOfAll && now != null) {
            file = dir.resolve(STAMP.format(LocalDateTime.ofInstant(now, ZoneOffset.UTC)) + "_" + DESCRIPTION + ".sql");
            String stamped = relative(baseDir, file);
            lastOfAll =
                    history.files().stream().allMatch(f -> NaturalOrder.PATHS.compare(f.relativePath(), stamped) < 0);
        }
        if (!lastOfAll && now == null) {
            throw new FixException("refguard: cannot name a migration that runs after " + last.relativePath() + " in "
                    + history.root() + " (tried " + relative + "); name the history's files with a number first");
        }
        return file;
    }

    /** The latest file by its leading number (a timestamp or a sequence), ties and the rest by natural order. */
    private static MigrationFile latestByVersion(
            List<MigrationFile> files, java.util.function.Function<MigrationFile, String> name) {
        return files.stream()
                .max(Comparator.comparing((MigrationFile f) -> leadingNumber(name.apply(f)))
                        .thenComparing(f -> name.apply(f), NaturalOrder.NAMES))
                .orElseThrow();
    }

    /**
     * A stamp {@code yyyyMMddHHmmss} of {@code now}, or one second after the latest stamped name when that is not
     * earlier (a clock behind, or migrations named in the future): the new file must sort last.
     */
    static String laterStamp(java.util.stream.Stream<String> names, Instant now) {
        LocalDateTime candidate = LocalDateTime.ofInstant(now, ZoneOffset.UTC).withNano(0);
        BigInteger latest = BigInteger.valueOf(-1);
        for (String n : (Iterable<String>) names::iterator) {
            latest = latest.max(leadingNumber(n));
        }
        BigInteger mine = new BigInteger(STAMP.format(candidate));
        if (mine.compareTo(latest) > 0) {
            return STAMP.format(candidate);
        }
        String text = latest.toString();
        try {
            return STAMP.format(LocalDateTime.parse(text, STAMP).plusSeconds(1));
        } catch (DateTimeParseException e) {
            // not a stamp: the next number still sorts after it
            return latest.add(BigInteger.ONE).toString();
        }
    }

    private static BigInteger leadingNumber(String name) {
        Matcher m = LEADING_DIGITS.matcher(name);
        return m.matches() ? new BigInteger(m.group(1)) : BigInteger.valueOf(-1);
    }

    /** {@code 1_9} → {@code 1_10}, {@code 009} → {@code 010}: the last run of digits plus one, as wide as it was. */
    static String incrementLastNumber(String version) {
        Matcher m = Pattern.compile("(\\d+)(\\D*)$").matcher(version);
        if (!m.find()) {
            return version + "1";
        }
        String digits = m.group(1);
        String next = new BigInteger(digits).add(BigInteger.ONE).toString();
        if (next.length() < digits.length()) {
            next = "0".repeat(digits.length() - next.length()) + next;
        }
        return version.substring(0, m.start(1)) + next + m.group(2);
    }

    private static String folderName(MigrationFile file) {
        String[] parts = file.relativePath().split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : file.fileName();
    }

    private static String relative(Path baseDir, Path file) {
        Path base = baseDir.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        return (f.startsWith(base) ? base.relativize(f) : f).toString().replace('\\', '/');
    }
}
