package ledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import ledger.api.recording.ImportResult;
import ledger.api.recording.JournalImport;
import ledger.api.recording.JournalRefused;
import ledger.api.recording.UnitNotPermitted;
import ledger.api.security.UnitAccess;
import ledger.journal.JournalColumn;
import ledger.core.journal.JournalProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload a journal CSV: all rows or none. A refused file lists every problem by line and column,
 * beside the text of that line, so the clerk can fix the spreadsheet in one go. Under
 * {@code /upload/}, so only recorders and approvers may post it, and a file naming a unit the user
 * may not record for is refused whole, without saying whether that unit exists.
 */
@Controller
class JournalPages {

    static final String PATH = "/upload/journal";

    private final JournalImport journalImport;
    private final WebDirectory directory;
    private final UnitAccess units;

    JournalPages(JournalImport journalImport, WebDirectory directory, UnitAccess units) {
        this.journalImport = journalImport;
        this.directory = directory;
        this.units = units;
    }

    /** A refused row: where, what is wrong, and the line as uploaded. */
    record ProblemRow(int line, String column, String reason, String text) {
    }

    @GetMapping(PATH)
    String form(Model model) {
        model.addAttribute("page", "journal");
        return "journal";
    }

    @PostMapping(PATH)
    String upload(@RequestParam("file") MultipartFile file, Principal user, Model model,
            HttpServletResponse response) throws IOException {
        model.addAttribute("page", "journal");
        if (file.isEmpty()) {
            model.addAttribute("empty", true);
            return "journal";
        }
        byte[] bytes = file.getBytes();
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "上传的文件" : file.getOriginalFilename();
        model.addAttribute("fileName", name);
        try {
            ImportResult result = journalImport.importJournal(new ByteArrayInputStream(bytes), name,
                    user == null ? "web:anonymous" : "web:" + user.getName(),
                    unit -> units.currentUserPermits(unit.code()));
            model.addAttribute("result", result);
            model.addAttribute("seconds", String.format("%.2f", result.took().toNanos() / 1e9));
            model.addAttribute("units", directory.units());
        } catch (UnitNotPermitted notPermitted) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("notPermitted", true);
        } catch (JournalRefused refused) {
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
            List<ProblemRow> problems = new ArrayList<>();
            for (JournalProblem problem : refused.problems()) {
                int line = problem.line();
                String text = line >= 1 && line <= lines.length ? lines[line - 1] : "";
                String column = JournalColumn.byName(problem.column())
                        .map(known -> known.chinese() + "（" + known.english() + "）").orElse(problem.column());
                problems.add(new ProblemRow(line, column, problem.reason(),
                        text.length() > 300 ? text.substring(0, 300) + "…" : text));
            }
            model.addAttribute("problems", problems);
        }
        return "journal";
    }
}
