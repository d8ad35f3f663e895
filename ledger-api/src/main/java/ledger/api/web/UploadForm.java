package ledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import ledger.api.recording.JournalRefused;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file posted by a page's form and loaded whole or not at all (the 科目表, the departments), and
 * what the page then shows ({@code upload.html}): nothing chosen, the summary, or every problem.
 */
final class UploadForm {

    /**
     * Loads the file's bytes and answers the one-line summary shown; refuses with every problem.
     */
    @FunctionalInterface
    interface Load {
        String load(byte[] bytes, String fileName, String actor);
    }

    private UploadForm() {}

    /**
     * Puts on the model {@code empty} when no file was chosen, else {@code fileName} and either the
     * summary under {@code doneAttribute} or the {@code problems} with status 422.
     */
    static void loadWhole(
            MultipartFile file,
            Principal user,
            Model model,
            HttpServletResponse response,
            String doneAttribute,
            Load load)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("empty", true);
            return;
        }
        String name = fileName(file);
        model.addAttribute("fileName", name);
        try {
            model.addAttribute(doneAttribute, load.load(file.getBytes(), name, actor(user)));
        } catch (JournalRefused refused) {
            response.setStatus(422);
            model.addAttribute("problems", refused.problems());
        }
    }

    /** The name the clerk's file had, or 上传的文件 when the browser sent none. */
    static String fileName(MultipartFile file) {
        return file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "上传的文件"
                : file.getOriginalFilename();
    }

    /** Who the audit log and the event metadata name for a page's write. */
    static String actor(Principal user) {
        return user == null ? "web:anonymous" : "web:" + user.getName();
    }
}
