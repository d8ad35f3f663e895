package ledger.api.recording;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import ledger.core.journal.JournalProblem;
import ledger.journal.JournalMapping;
import org.springframework.web.multipart.MultipartFile;

/** A mapping file uploaded beside a journal (API form field or web form field {@code mapping}). */
public final class JournalMappings {

    private JournalMappings() {}

    /**
     * The mapping in {@code file}, or none when no file was sent.
     *
     * @throws JournalRefused naming the mapping file's bad line (column {@code mapping}), nothing
     *     read
     */
    public static JournalMapping read(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return JournalMapping.none();
        }
        try (InputStream in = file.getInputStream()) {
            return JournalMapping.read(in);
        } catch (IllegalArgumentException refused) {
            throw new JournalRefused(
                    List.of(new JournalProblem(1, "mapping", refused.getMessage())));
        }
    }
}
