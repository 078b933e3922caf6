package dev.refguard.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.parser.PlaceholderReplacingReader;
import org.flywaydb.core.internal.resource.ResourceName;
import org.flywaydb.core.internal.resource.ResourceNameParser;
import org.junit.jupiter.api.Test;

/** refguard's reading of Flyway file names, versions and placeholders, checked against flyway-core itself. */
class FlywayLibraryAgreementTest {
    private static final List<String> NAMES = List.of(
            "V1__a.sql",
            "v1__a.sql",
            "V1.sql",
            "V__x.sql",
            "V1__.sql",
            "R__v.sql",
            "R1__v.sql",
            "V1__a.SQL",
            "Vx__y.sql",
            "V1_2__x.sql",
            "V01__x.sql",
            "V1..2__x.sql",
            "V1-x.sql",
            "V1.1.__x.sql",
            "V1__a__b.sql",
            "V2026.01.31.1200__big.sql",
            "V1.10__ten.sql",
            "V1.9__nine.sql",
            "B1__base.sql",
            "B1_20_0__1.0.0_baseline__MYSQL.sql",
            "B__x.sql",
            "notes.sql");

    @Test
    void fileNamesReadAsFlywayReadsThem() {
        assertAgreement(Flyway.configure(), FlywayNaming.DEFAULT, NAMES);
    }

    @Test
    void customPrefixAndSeparatorReadAsFlywayReadsThem() {
        FluentConfiguration flyway = Flyway.configure().sqlMigrationPrefix("M").sqlMigrationSeparator("-");
        FlywayNaming naming = FlywayNaming.of("M", null, null, "-");
        assertAgreement(
                flyway, naming, List.of("M1-x.sql", "M1_2-x.sql", "V1__x.sql", "R-x.sql", "M1__x.sql", "M3.sql"));
    }

    @Test
    void suffixesReadAsFlywayReadsThem() {
        FluentConfiguration flyway = Flyway.configure().sqlMigrationSuffixes("__PG.sql", ".psql.sql");
        FlywayNaming naming = FlywayNaming.of(null, null, null, null, null, "__PG.sql, .psql.sql");
        assertAgreement(flyway, naming, List.of("V1__x__PG.sql", "V2__y.psql.sql", "B3__base__PG.sql", "R__r__PG.sql"));
        // Flyway's name parser takes V1__x.sql too; its scanner leaves out names without a configured suffix
        // before they are parsed (measured with flyway-core 13.12.0 on PostgreSQL 15: V2__c.sql did not run
        // under sqlMigrationSuffixes=PG.sql), as FlywayConfiguredTest shows
        assertThat(FlywayFileName.parse("V1__x.sql", naming)).isEmpty();
    }

    @Test
    void versionsCompareAsFlywayComparesThem() {
        List<String> versions = List.of("1", "1.0", "1.9", "1.10", "2", "01", "1.1.1", "10", "9", "2026.01.31.1200");
        List<String> flywayOrder = new ArrayList<>(versions);
        flywayOrder.sort(Comparator.comparing(MigrationVersion::fromVersion));
        List<String> ours = new ArrayList<>(versions);
        ours.sort(Comparator.comparing(v -> FlywayVersion.parse(v).orElseThrow()));
        assertThat(ours).isEqualTo(flywayOrder);
        for (String a : versions) {
            for (String b : versions) {
                assertThat(Integer.signum(FlywayVersion.parse(a)
                                .orElseThrow()
                                .compareTo(FlywayVersion.parse(b).orElseThrow())))
                        .as(a + " vs " + b)
                        .isEqualTo(Integer.signum(
                                MigrationVersion.fromVersion(a).compareTo(MigrationVersion.fromVersion(b))));
            }
        }
    }

    @Test
    void placeholdersReplacedAsFlywayReplacesThem() throws IOException {
        Map<String, String> values = Map.of("Schema", "app", "flyway:defaultSchema", "core");
        String sql =
                "create table ${schema}.t (id int);\ncreate table ${SCHEMA}.u (id int references ${flyway:defaultSchema}.x);";
        assertThat(new FlywayPlaceholders("${", "}", values).replace(sql)).isEqualTo(flyway(values, sql));
        // Flyway stops on a placeholder without a value; refguard leaves it for the statement's own finding
        assertThatThrownBy(() -> flyway(values, "select ${other};")).isInstanceOf(FlywayException.class);
        assertThat(new FlywayPlaceholders("${", "}", values).replace("select ${other};"))
                .isEqualTo("select ${other};");
    }

    private static String flyway(Map<String, String> values, String sql) throws IOException {
        var reader = new PlaceholderReplacingReader(
                "${", "}", Flyway.configure().getPlaceholderSeparator(), values, new StringReader(sql));
        StringWriter out = new StringWriter();
        reader.transferTo(out);
        return out.toString();
    }

    private static void assertAgreement(FluentConfiguration flyway, FlywayNaming naming, List<String> names) {
        ResourceNameParser parser = new ResourceNameParser(flyway);
        for (String name : names) {
            ResourceName theirs = parser.parse(name);
            var ours = FlywayFileName.parse(name, naming);
            boolean flywayRuns = theirs.isValid();
            boolean oursRuns = ours.isPresent() && ours.get().kind() != FlywayFileName.Kind.UNDO;
            assertThat(oursRuns).as(name).isEqualTo(flywayRuns);
            if (flywayRuns) {
                MigrationVersion version = theirs.getVersion();
                if (version == null) {
                    assertThat(ours.get().version()).as(name).isNull();
                } else {
                    assertThat(MigrationVersion.fromVersion(ours.get().version().toString()))
                            .as(name)
                            .isEqualTo(version);
                }
                assertThat(ours.get().description()).as(name).isEqualTo(theirs.getDescription());
            }
        }
    }
}
