package ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    @TempDir Path temporary;

    @Test
    void aNewDirectoryAndFileAreOwnerOnly() throws Exception {
        Path directory = PrivateFiles.directory(temporary.resolve("a/data"));
        PrivateFiles.writeNew(
                directory.resolve("key"), "secret".getBytes(StandardCharsets.US_ASCII));
        assertThat(permissions(directory)).isEqualTo("rwx------");
        assertThat(permissions(directory.getParent())).isEqualTo("rwx------");
        assertThat(permissions(directory.resolve("key"))).isEqualTo("rw-------");
        assertThat(Files.readString(directory.resolve("key"))).isEqualTo("secret");
        assertThatThrownBy(() -> PrivateFiles.writeNew(directory.resolve("key"), new byte[1]))
                .isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void aDataDirectoryOfAnOlderVersionIsNarrowedWithItsFiles() throws Exception {
        Path data =
                Files.createDirectory(
                        temporary.resolve("data"),
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwxr-xr-x")));
        Path database = Files.writeString(data.resolve("ledger.mv.db"), "x");
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateFiles.directory(data);
        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(permissions(database)).isEqualTo("rw-------");
    }

    @Test
    void anEmbeddedUrlNamesItsDirectoryAndOthersNone() {
        assertThat(
                        LedgerDatabase.embeddedDirectory(
                                LedgerDatabase.choose(null, java.util.Map.of()).url()))
                .contains(Path.of("data").toAbsolutePath());
        assertThat(LedgerDatabase.embeddedDirectory("jdbc:h2:file:./x/ledger;MODE=PostgreSQL"))
                .contains(Path.of("x").toAbsolutePath());
        assertThat(LedgerDatabase.embeddedDirectory("jdbc:h2:mem:test")).isEmpty();
        assertThat(LedgerDatabase.embeddedDirectory("jdbc:h2:tcp://localhost/x")).isEmpty();
        assertThat(LedgerDatabase.embeddedDirectory("jdbc:postgresql://127.0.0.1:5432/ledger"))
                .isEmpty();
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
