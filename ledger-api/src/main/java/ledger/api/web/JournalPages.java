package ledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
import ledger.core.journal.JournalProblem;
import ledger.core.journal.JournalProblemList;
import ledger.journal.JournalColumn;
import ledger.journal.JournalReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Upload a journal (CSV in UTF-8 or GBK, or xlsx; optionally a mapping file and a sheet name): all
 * rows or none, imported as a job whose page shows its progress. A refused file lists its problems
 * by line and column, beside the text of that line, so the clerk can fix the spreadsheet in one go:
 * the first 1,000, and how many more rows were refused. Under {@code /upload/}, so only recorders
 * and approvers may post it, and a file naming a unit the user may not record for is refused whole,
 * without saying whether that unit exists.
 */
@Controller
class JournalPages {

    static final String PATH = "/upload/journal";

    private final JournalImport journalImport;
    private final WebDirectory directory;
    private static final Logger log = LoggerFactory.getLogger(JournalPages.class);

    private final UnitAccess units;
    private final ImportJobs jobs;

    JournalPages(
            JournalImport journalImport,
            WebDirectory directory,
            UnitAccess units,
            ImportJobs jobs) {
        this.jobs = jobs;
        this.journalImport = journalImport;
        this.directory = directory;
        this.units = units;
    }

    /** A refused row: where, what is wrong, and the line as uploaded. */
    record ProblemRow(int line, String column, String reason, String text) {}

    @GetMapping(PATH)
    String form(Model model) {
        model.addAttribute("page", "journal");
        return "journal";
    }

    /**
     * Takes the upload and starts its import as a job, then sends the browser to the job's page: a
     * 50,000-row file takes tens of seconds, shown as progress instead of a spinning tab. The file
     * is copied aside first (the request's copy goes with the request) and deleted when the job
     * ends; the import itself is the one path it always was, all rows or none.
     */
    @PostMapping(PATH)
    String upload(
            @RequestParam("file") MultipartFile file,
            @RequestParam(value = "mapping", required = false) MultipartFile mapping,
            @RequestParam(value = "sheet", required = false) String sheet,
            Principal user,
            Model model)
            throws IOException {
        model.addAttribute("page", "journal");
        if (file.isEmpty()) {
            model.addAttribute("empty", true);
            return "journal";
        }
        String name = UploadForm.fileName(file);
        JournalReader.Options options;
        try {
            options =
                    new JournalReader.Options(
                            sheet == null || sheet.isBlank() ? null : sheet.strip(),
                            JournalMappings.read(mapping));
        } catch (JournalRefused badMapping) {
            // A bad mapping file is refused before any job, as it always was: its line is named.
            model.addAttribute("fileName", name);
            show(
                    new ImportJob.Outcome(
                            null,
                            problemRows(badMapping, Map.of()),
                            rowsRefused(badMapping),
                            false,
                            null),
                    model);
            return "journal";
        }
        Path copy =
                Files.createTempFile(
                        "upload-",
                        ".journal",
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")));
        try {
            file.transferTo(copy);
        } catch (IOException | RuntimeException failed) {
            Files.deleteIfExists(copy);
            throw failed;
        }
        String who = UploadForm.actor(user);
        ImportJob job =
                jobs.start(
                        new ImportJob(user == null ? "" : user.getName(), name, Files.size(copy)),
                        started -> run(started, copy, who, options));
        return "redirect:" + PATH + "/jobs/" + job.id();
    }

    /** The import of one job, on a worker thread that carries the uploader's security context. */
    private void run(ImportJob job, Path copy, String who, JournalReader.Options options) {
        try (InputStream in = job.counting(Files.newInputStream(copy), Files.size(copy))) {
            ImportResult result =
                    journalImport.importJournal(
                            in,
                            job.fileName(),
                            who,
                            unit -> units.currentUserPermits(unit.code()),
                            options,
                            job);
            job.finish(new ImportJob.Outcome(result, null, 0, false, null));
        } catch (UnitNotPermitted notPermitted) {
            job.finish(new ImportJob.Outcome(null, null, 0, true, null));
        } catch (JournalRefused refused) {
            FileSystemResource source = new FileSystemResource(copy);
            Map<Integer, String> texts;
            try {
                texts =
                        isWorkbook(source)
                                        || refused.problems().stream()
                                                .anyMatch(
                                                        problem ->
                                                                "mapping".equals(problem.column()))
                                ? Map.of()
                                : linesOf(source, refused.problems());
            } catch (IOException | RuntimeException unreadable) {
                texts = Map.of(); // the lines as uploaded are a help; the refusals stand
                // without them
            }
            try {
                job.finish(
                        new ImportJob.Outcome(
                                null,
                                problemRows(refused, texts),
                                rowsRefused(refused),
                                false,
                                null));
            } catch (RuntimeException | Error failed) {
                log.error(
                        "journal import job {}: its refused rows could not be listed",
                        job.id(),
                        failed);
                job.finish(
                        new ImportJob.Outcome(
                                null,
                                null,
                                0,
                                false,
                                "文件被拒绝，一行也没有记入，但被拒绝的行无法列出（服务器内部错误）。请联系管理员并告知任务号 "
                                        + job.id()
                                        + "。"));
            }
        } catch (IOException | RuntimeException | Error failed) {
            // Whatever escapes, the job ends: its page must never wait for an outcome that cannot
            // come.
            log.error(
                    "journal import job {} of {} by {} failed",
                    job.id(),
                    job.fileName(),
                    who,
                    failed);
            job.finish(
                    new ImportJob.Outcome(
                            null,
                            null,
                            0,
                            false,
                            "导入中断（服务器内部错误），一行也没有记入。请稍后重新上传；"
                                    + "如仍失败，请联系管理员并告知任务号 "
                                    + job.id()
                                    + "。"));
        } finally {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException ignored) {
                // A temporary file left behind is removed with the temporary directory.
            }
        }
    }

    /**
     * A job's page: its progress while it runs (the page polls {@link #progress}), then its
     * outcome. Another user's job, or one forgotten after {@link ImportJobs#KEPT}, is not found.
     */
    @GetMapping(PATH + "/jobs/{id}")
    String job(@PathVariable String id, Principal user, Model model, HttpServletResponse response) {
        ImportJob job =
                jobs.of(id, user == null ? "" : user.getName())
                        .orElseThrow(
                                () ->
                                        new ResponseStatusException(
                                                HttpStatus.NOT_FOUND, "没有这个导入任务（任务只保留一小时）"));
        model.addAttribute("page", "journal");
        model.addAttribute("job", job);
        model.addAttribute("fileName", job.fileName());
        // One reading of the job decides the whole page: the outcome, not the phase read again by
        // the template, which could say "done" for an outcome this request did not put on the page.
        ImportJob.Outcome outcome = job.outcome();
        model.addAttribute("done", outcome != null);
        if (outcome != null) {
            show(outcome, model);
            if (outcome.notPermitted()) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            }
        }
        return "journal-job";
    }

    /** The job's progress as JSON, polled by the job page while the import runs. */
    @GetMapping(path = PATH + "/jobs/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ImportJob.Progress progress(@PathVariable String id, Principal user) {
        return jobs.of(id, user == null ? "" : user.getName())
                .map(ImportJob::progress)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个导入任务"));
    }

    private void show(ImportJob.Outcome outcome, Model model) {
        if (outcome.result() != null) {
            model.addAttribute("result", outcome.result());
            model.addAttribute(
                    "seconds", String.format("%.2f", outcome.result().took().toNanos() / 1e9));
            model.addAttribute("units", directory.units());
        } else if (outcome.notPermitted()) {
            model.addAttribute("notPermitted", true);
        } else if (outcome.problems() != null) {
            model.addAttribute("problems", outcome.problems());
            model.addAttribute("refusedRows", outcome.refusedRows());
        } else {
            model.addAttribute("failure", outcome.failure());
        }
    }

    private static List<ProblemRow> problemRows(
            JournalRefused refused, Map<Integer, String> texts) {
        List<ProblemRow> problems = new ArrayList<>();
        for (JournalProblem problem : refused.problems()) {
            String column =
                    JournalColumn.byName(problem.column())
                            .map(known -> known.chinese() + "（" + known.english() + "）")
                            .orElse(problem.column());
            problems.add(
                    new ProblemRow(
                            problem.line(),
                            column,
                            problem.reason(),
                            texts.getOrDefault(problem.line(), "")));
        }
        return problems;
    }

    private static int rowsRefused(JournalRefused refused) {
        JournalProblemList counted = new JournalProblemList();
        counted.addAll(refused.problems());
        return counted.rowsRefused();
    }

    /** A workbook has no lines of text to show: its problems name the sheet's row numbers. */
    private static boolean isWorkbook(InputStreamSource file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4
                    && magic[0] == 'P'
                    && magic[1] == 'K'
                    && magic[2] == 3
                    && magic[3] == 4;
        }
    }

    /** Characters of a line shown beside its problems. */
    private static final int SHOWN_CHARACTERS = 300;

    /**
     * The text of each line a problem names, found by counting newlines in the upload: a refused
     * file of 200 MB is never held as text, and its at most ~1,000 named lines are all it costs.
     */
    static Map<Integer, String> linesOf(InputStreamSource file, List<JournalProblem> problems)
            throws IOException {
        BitSet wanted = new BitSet();
        problems.stream()
                .filter(problem -> problem.line() >= 1)
                .forEach(problem -> wanted.set(problem.line()));
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
            text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
                            .toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            text = bytes.toString(java.nio.charset.Charset.forName("GB18030"));
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.length() > SHOWN_CHARACTERS ? text.substring(0, SHOWN_CHARACTERS) + "…" : text;
    }
}
