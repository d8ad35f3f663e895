package ledger.api.config;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The ledger's own files (the embedded database, the integrity key) are its owner's alone: a
 * directory {@code rwx------}, files {@code rw-------}, given at creation so that no other local
 * user can open them even for a moment. On a file system without POSIX permissions (Windows) its
 * own access rules apply.
 */
public final class PrivateFiles {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {}

    /**
     * Creates {@code directory} (and missing parents) owner-only. One that already exists is
     * narrowed with everything directly in it: a data directory made by an older version was {@code
     * rwxr-xr-x} with {@code rw-r--r--} files.
     */
    public static Path directory(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, attributes(DIRECTORY));
            } else if (POSIX && !Files.getPosixFilePermissions(directory).equals(DIRECTORY)) {
                Files.setPosixFilePermissions(directory, DIRECTORY);
                try (Stream<Path> files = Files.list(directory)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Files.setPosixFilePermissions(file, FILE);
                    }
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "无法创建私有目录 cannot create the private directory " + directory.toAbsolutePath(),
                    e);
        }
    }

    /** Creates {@code file} owner-only, failing if it exists; its directory must exist. */
    public static void createFile(Path file) throws IOException {
        Files.createFile(file, attributes(FILE));
    }

    /** Creates {@code file} owner-only if it does not exist yet. */
    public static void createFileIfAbsent(Path file) throws IOException {
        try {
            createFile(file);
        } catch (FileAlreadyExistsException exists) {
            // Keeps its content and permissions.
        }
    }

    /** Writes a new owner-only file: readable by no one else from its first byte. */
    public static void writeNew(Path file, byte[] content) throws IOException {
        try (OutputStream out =
                Channels.newOutputStream(
                        Files.newByteChannel(
                                file,
                                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                                attributes(FILE)))) {
            out.write(content);
        }
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }
}
