package ledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ledger.api.recording.ImportResult;
import ledger.api.recording.JournalImport;
import ledger.api.recording.JournalMappings;
import ledger.api.recording.JournalRefused;
import ledger.api.recording.UnitNotPermitted;
import ledger.api.security.UnitAccess;
import ledger.journal.JournalColumn;
import ledger.journal.JournalReader;
import ledger.core.journal.JournalProblem;
import ledger.core.journal.JournalProblemList;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload a journal (CSV in UTF-8 or GBK, or xlsx; optionally a mapping file and a sheet name): all rows or none. A refused file lists its problems by line and column,
 * beside the text of that line, so the clerk can fix the spreadsheet in one go: the first 1,000,
 * and how many more rows were refused. Under {@code /upload/}, so only recorders and approvers may
 * post it, and a file naming a unit the user may not record for is refused whole, without saying
 * whether that unit exists.
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
    String upload(@RequestParam("file") MultipartFile file,
            @RequestParam(value = "mapping", required = false) MultipartFile mapping,
            @RequestParam(value = "sheet", required = false) String sheet, Principal user, Model model,
            HttpServletResponse response) throws IOException {
        model.addAttribute("page", "journal");
        if (file.isEmpty()) {
            model.addAttribute("empty", true);
            return "journal";
        }
        String name = UploadForm.fileName(file);
        model.addAttribute("fileName", name);
        try (InputStream in = file.getInputStream()) {
            JournalReader.Options options = new JournalReader.Options(sheet == null || sheet.isBlank() ? null
                    : sheet.strip(), JournalMappings.read(mapping));
            ImportResult result = journalImport.importJournal(in, name,
                    UploadForm.actor(user),
                    unit -> units.currentUserPermits(unit.code()), options);
            model.addAttribute("result", result);
            model.addAttribute("seconds", String.format("%.2f", result.took().toNanos() / 1e9));
            model.addAttribute("units", directory.units());
        } catch (UnitNotPermitted notPermitted) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("notPermitted", true);
        } catch (JournalRefused refused) {
            Map<Integer, String> texts = isWorkbook(file) || refused.problems().stream()
                    .anyMatch(problem -> "mapping".equals(problem.column())) ? Map.of()
                    : linesOf(file, refused.problems());
            List<ProblemRow> problems = new ArrayList<>();
            for (JournalProblem problem : refused.problems()) {
                String column = JournalColumn.byName(problem.column())
                        .map(known -> known.chinese() + "（" + known.english() + "）").orElse(problem.column());
                problems.add(new ProblemRow(problem.line(), column, problem.reason(),
                        texts.getOrDefault(problem.line(), "")));
            }
            JournalProblemList counted = new JournalProblemList();
            counted.addAll(refused.problems());
            model.addAttribute("problems", problems);
            model.addAttribute("refusedRows", counted.rowsRefused());
        }
        return "journal";
    }

    /** A workbook has no lines of text to show: its problems name the sheet's row numbers. */
    private static boolean isWorkbook(MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    /** Characters of a line shown beside its problems. */
    private static final int SHOWN_CHARACTERS = 300;

    /**
     * The text of each line a problem names, found by counting newlines in the upload: a refused
     * file of 200 MB is never held as text, and its at most ~1,000 named lines are all it costs.
     */
    static Map<Integer, String> linesOf(MultipartFile file, List<JournalProblem> problems) throws IOException {
        BitSet wanted = new BitSet();
        problems.stream().filter(problem -> problem.line() >= 1).forEach(problem -> wanted.set(problem.line()));
        Map<Integer, String> texts = new HashMap<>();
        if (wanted.isEmpty()) {
            return texts;
        }
        int last = wanted.length() - 1;
        // Enough bytes for SHOWN_CHARACTERS + 1 characters of up to four bytes each.
        int keptBytes = 4 * (SHOWN_CHARACTERS + 1);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int number = 1;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = file.getInputStream()) {
            for (int n = in.read(buffer); n >= 0 && number <= last; n = in.read(buffer)) {
                for (int i = 0; i < n && number <= last; i++) {
                    if (buffer[i] == '\n') {
                        if (wanted.get(number)) {
                            texts.put(number, shown(line));
                        }
                        line.reset();
                        number++;
                    } else if (wanted.get(number) && line.size() < keptBytes) {
                        line.write(buffer[i]);
                    }
                }
            }
        }
        if (number <= last && wanted.get(number)) {
            texts.put(number, shown(line));
        }
        return texts;
    }

    private static String shown(ByteArrayOutputStream bytes) {
        // The line as the clerk wrote it: UTF-8, or else GB18030 (GBK), whichever it is.
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            text = bytes.toString(java.nio.charset.Charset.forName("GB18030"));
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.length() > SHOWN_CHARACTERS ? text.substring(0, SHOWN_CHARACTERS) + "…" : text;
    }
}
