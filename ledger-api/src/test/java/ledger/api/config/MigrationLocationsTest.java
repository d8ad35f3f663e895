package ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The migrations both databases run alike are kept once, in {@code common/}; a vendor folder holds
 * only what differs. Flyway reads {@code common} and the vendor's folder together, so a version
 * present in both would stop every start, and an identical copy in both vendor folders would drift.
 */
class MigrationLocationsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final List<String> VENDORS = List.of("h2", "postgresql");

    @Test
    void everyVersionLivesInOnePlaceForEachDatabase() throws IOException {
        Map<String, String> common = versions(MIGRATIONS.resolve("common"));
        assertThat(common).containsKeys("V2", "V3", "V4");
        for (String vendor : VENDORS) {
            Map<String, String> own = versions(MIGRATIONS.resolve(vendor));
            assertThat(own).as("versions of %s", vendor).containsKey("V1");
            assertThat(own.keySet())
                    .as("versions both in common/ and in %s/", vendor)
                    .doesNotContainAnyElementsOf(common.keySet());
        }
    }

    @Test
    void noMigrationIsCopiedByteForByteIntoBothVendorFolders() throws IOException {
        List<String> copies = new ArrayList<>();
        try (Stream<Path> files = Files.list(MIGRATIONS.resolve(VENDORS.get(0)))) {
            for (Path file : files.toList()) {
                Path twin = MIGRATIONS.resolve(VENDORS.get(1)).resolve(file.getFileName());
                if (Files.exists(twin) && Files.mismatch(file, twin) == -1) {
                    copies.add(file.getFileName().toString());
                }
            }
        }
        assertThat(copies).as("identical in h2/ and postgresql/: move them to common/").isEmpty();
    }

    @Test
    void flywayReadsTheCommonFolderAndTheVendorsOwn() throws IOException {
        String settings = Files.readString(Path.of("src/main/resources/application.yml"));
        assertThat(settings)
                .contains(
                        "locations: classpath:db/migration/common,classpath:db/migration/{vendor}");
    }

    /** Version (V2) to file name; a version twice in one folder fails here. */
    private static Map<String, String> versions(Path folder) throws IOException {
        Map<String, String> versions = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                String version = name.substring(0, name.indexOf("__"));
                assertThat(versions.put(version, name))
                        .as("version %s twice in %s", version, folder)
                        .isNull();
            }
        }
        return versions;
    }
}
