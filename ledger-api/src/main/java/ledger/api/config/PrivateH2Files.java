package ledger.api.config;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * The embedded database's file system: H2's own, except that every file H2 creates (the {@code
 * .mv.db}, its trace and temporary files) is created owner-only, as a {@code umask 077} would —
 * Java cannot set the process's umask. Selected by the prefix {@code private:} in the database URL
 * ({@code jdbc:h2:file:private:./data/ledger}); {@link #register()} must run before the first
 * connection.
 */
public class PrivateH2Files extends FilePathWrapper {

    public static final String SCHEME = "private";

    private static volatile boolean registered;

    /** Makes {@code private:} known to H2; idempotent. */
    public static void register() {
        if (!registered) {
            synchronized (PrivateH2Files.class) {
                if (!registered) {
                    FilePath.register(new PrivateH2Files());
                    registered = true;
                }
            }
        }
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        if (mode.contains("w")) {
            PrivateFiles.createFileIfAbsent(file());
        }
        return super.open(mode);
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        PrivateFiles.createFileIfAbsent(file());
        return super.newOutputStream(append);
    }

    @Override
    public boolean createFile() {
        try {
            PrivateFiles.createFile(file());
            return true;
        } catch (java.nio.file.FileAlreadyExistsException exists) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void createDirectory() {
        PrivateFiles.directory(file());
    }

    @Override
    public FilePath createTempFile(String suffix, boolean inTempDir) throws IOException {
        FilePath temporary = super.createTempFile(suffix, inTempDir);
        // H2 makes its temporary files through File.createTempFile: narrowed at once, and they sit
        // in the owner-only data directory anyway (unless inTempDir).
        Path created = onDisk(temporary.unwrap().name);
        if (Files.exists(created)) {
            try {
                Files.setPosixFilePermissions(created, PrivateFiles.FILE);
            } catch (UnsupportedOperationException notPosix) {
                // The file system's own rules apply.
            }
        }
        return temporary;
    }

    private Path file() {
        return onDisk(getBase().name);
    }

    private static Path onDisk(String name) {
        return Path.of(name.startsWith("file:") ? name.substring("file:".length()) : name);
    }
}
