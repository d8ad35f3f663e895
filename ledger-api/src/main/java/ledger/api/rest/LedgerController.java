package ledger.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ledger.api.recording.ClosePreview;
import ledger.api.recording.ImportResult;
import ledger.api.recording.JournalImport;
import ledger.api.recording.JournalRefused;
import ledger.api.recording.TransactionRecorder;
import ledger.api.recording.YearCloser;
import ledger.api.report.PublishedUpload;
import ledger.api.report.StatementWorkbook;
import ledger.api.security.UnitAccess;
import ledger.api.statement.AccountingService;
import ledger.api.statement.StatementService;
import ledger.api.statement.TraceDocument;
import ledger.api.statement.TraceFilters;
import ledger.api.statement.TracePaging;
import ledger.api.statement.TraceQueries;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.journal.JournalProblem;
import ledger.core.text.Refusal;
import ledger.core.year.FiscalYearClosed;
import ledger.journal.JournalReader;
import ledger.projections.posting.PostingFilter;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.Finding;
import ledger.projections.statement.PublishedFigures;
import ledger.projections.statement.Reconciliation;
import ledger.projections.statement.ReconciliationReport;
import ledger.projections.statement.StatementJson;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementTemplate;
import ledger.projections.statement.StatementText;
import ledger.projections.statement.TableLayout;
import ledger.projections.statement.TemplateRefused;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The HTTP API: record transactions, import journals, read statements, trace figures, check,
 * reconcile and close years. Refused input answers with an RFC 7807 problem naming each field and
 * reason ({@link ProblemResponses}); nothing is written then.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "ledger")
class LedgerController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final TransactionRecorder recorder;
    private final JournalImport journalImport;
    private final YearCloser closer;
    private final StatementService statements;
    private final UnitAccess units;
    private final JdbcLedgerRegistry registry;
    private final AccountingService accounting;
    private final TraceQueries traces;

    LedgerController(
            TransactionRecorder recorder,
            JournalImport journalImport,
            YearCloser closer,
            StatementService statements,
            UnitAccess units,
            JdbcLedgerRegistry registry,
            AccountingService accounting,
            TraceQueries traces) {
        this.traces = traces;
        this.accounting = accounting;
        this.units = units;
        this.recorder = recorder;
        this.journalImport = journalImport;
        this.closer = closer;
        this.statements = statements;
        this.registry = registry;
    }

    @Operation(
            summary = "Record one transaction (any kind a journal row takes: see the kind field)",
            description =
                    "201 when recorded, 200 when the same id with the same content was already recorded.")
    @PostMapping(value = "/transactions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TransactionRecorder.Recorded> record(
            @RequestBody TransactionRequest request, Principal user) {
        TransactionRecorder.Recorded recorded =
                recorder.recordFields(
                        request.fields(),
                        userOf(user),
                        unit -> units.currentUserPermits(unit.code()));
        return ResponseEntity.status(recorded.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(recorded);
    }

    // The body is read as a stream, so springdoc cannot infer it: describe it for API clients.
    @Operation(
            summary = "Import a journal CSV (body text/csv): all rows or none",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description = "the journal as CSV text (DOMAIN.md, The journal)",
                            content = {
                                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                                @Content(
                                        mediaType = MediaType.TEXT_PLAIN_VALUE,
                                        schema = @Schema(type = "string")),
                                @Content(
                                        mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                                        schema = @Schema(type = "string", format = "binary"))
                            }))
    @PostMapping(
            value = "/journals",
            consumes = {
                "text/csv",
                MediaType.TEXT_PLAIN_VALUE,
                MediaType.APPLICATION_OCTET_STREAM_VALUE
            })
    ImportResult importJournal(
            InputStream csv, @RequestParam(required = false) String sheet, Principal user) {
        // Read as it arrives, not buffered first: a client that hangs up mid-file stops the work.
        return journalImport.importUpload(
                csv,
                "upload",
                userOf(user),
                unit -> units.currentUserPermits(unit.code()),
                new JournalReader.Options(sheet, null));
    }

    @Operation(
            summary =
                    "Import a journal uploaded as a form file (field 'file': CSV in UTF-8 or GBK, or xlsx),"
                            + " optionally with a column and value mapping (field 'mapping') and a sheet (parameter 'sheet'):"
                            + " all rows or none")
    @PostMapping(value = "/journals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult importJournalFile(
            @RequestPart("file") MultipartFile file,
            @RequestPart(value = "mapping", required = false) MultipartFile mapping,
            @RequestParam(required = false) String sheet,
            Principal user)
            throws IOException {
        JournalReader.Options options =
                new JournalReader.Options(
                        sheet == null || sheet.isBlank() ? null : sheet,
                        ledger.api.recording.JournalMappings.read(mapping));
        try (InputStream in = file.getInputStream()) {
            return journalImport.importJournal(
                    in,
                    file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
                    userOf(user),
                    unit -> units.currentUserPermits(unit.code()),
                    options);
        }
    }

    @Operation(
            summary =
                    "The journal template: Chinese headers and one example row of each kind (format csv or xlsx)")
    @GetMapping(value = "/journals/template")
    ResponseEntity<byte[]> journalTemplate(@RequestParam(defaultValue = "csv") String format)
            throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        MediaType type;
        String name;
        switch (format) {
            case "csv" -> {
                ledger.journal.JournalTemplate.writeCsv(bytes);
                type = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
                name = "日记账模板.csv";
            }
            case "xlsx" -> {
                ledger.journal.JournalTemplate.writeXlsx(bytes);
                type = MediaType.parseMediaType(XLSX);
                name = "日记账模板.xlsx";
            }
            default ->
                    throw BadRequest.malformed(
                            "format", ledger.core.text.Reason.of("template.format"));
        }
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(name, java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(bytes.toByteArray());
    }

    @Operation(summary = "表1–表9 of a unit and year, in DOMAIN.md's JSON form (万元, two decimals)")
    @GetMapping(
            value = "/units/{unit}/years/{year}/statements",
            produces = MediaType.APPLICATION_JSON_VALUE)
    String statements(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String template) {
        // format=text and format=xlsx are mapped below; anything else but json is a mistake to
        // name.
        if (format != null && !format.equals("json")) {
            throw BadRequest.malformed(
                    "format", "format must be json, text or xlsx, got '" + format + "'");
        }
        return StatementJson.write(statementSet(unit, year, asOf, template));
    }

    @Operation(summary = "表1–表9 laid out as text, as `ledger statements` prints them")
    @GetMapping(
            value = "/units/{unit}/years/{year}/statements",
            params = "format=text",
            produces = "text/plain;charset=UTF-8")
    String statementsText(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template) {
        return StatementText.render(statementSet(unit, year, asOf, template));
    }

    @Operation(
            summary =
                    "表1–表9 as the workbook to submit, a sheet per table, then the 科目余额表 and the 预算指标 account")
    @GetMapping(
            value = "/units/{unit}/years/{year}/statements",
            params = "format=xlsx",
            produces = XLSX)
    byte[] statementsWorkbook(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template) {
        StatementSet set = statementSet(unit, year, asOf, template);
        return StatementWorkbook.write(set, accounting.sheets(set.unit(), set.year(), asOf));
    }

    @Operation(summary = "One table (T1 … T9) of a unit and year")
    @GetMapping(
            value = "/units/{unit}/years/{year}/statements/{table}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode table(
            @PathVariable String unit,
            @PathVariable int year,
            @PathVariable String table,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template) {
        String id = table.toUpperCase(Locale.ROOT);
        try {
            TableLayout.of(id);
        } catch (IllegalArgumentException noSuchTable) {
            throw BadRequest.malformed("table", "table must be one of T1 … T9, got " + table);
        }
        ObjectNode tree = StatementJson.toTree(statementSet(unit, year, asOf, template));
        return tree.path("tables").get(id);
    }

    @Operation(
            summary =
                    "The events behind one figure, e.g. cell=T3/2010302/3; their signed amounts sum to it exactly",
            description =
                    "Paged: page (0-based, default 0) of size events (default "
                            + TracePaging.DEFAULT_SIZE
                            + ", at most "
                            + TracePaging.MAX_SIZE
                            + "), in the trace's order; only the page is read."
                            + " Filters: from, to (dates), kind, voucher, memo (contains), minYuan, maxYuan (amount"
                            + " without its sign). figure is always the cell's; sumFen and eventCount are the filtered"
                            + " trace's (the whole cell's when nothing is filtered), and its pages' events sum to sumFen."
                            + " format=xlsx streams the whole filtered trace as a workbook.")
    @GetMapping("/units/{unit}/years/{year}/trace")
    TraceDocument trace(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam String cell,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String template,
            TraceFilters filters) {
        StatementTemplate format = template(template, year);
        CellAddress address = cellAddress(cell, format);
        TracePaging paging = paging(page, size);
        UnitCode unitCode = knownUnit(unit);
        PostingFilter filter = filter(filters);
        try {
            return TraceDocument.of(
                    traces.trace(
                            unitCode, fiscalYear(year), address, asOf, format, filter, paging));
        } catch (TracePaging.Invalid beyondTheLastPage) {
            throw BadRequest.malformed(beyondTheLastPage.field(), beyondTheLastPage.reason());
        }
    }

    @GetMapping(value = "/units/{unit}/years/{year}/trace", params = "format=xlsx", produces = XLSX)
    void traceWorkbook(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam String cell,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template,
            TraceFilters filters,
            jakarta.servlet.http.HttpServletResponse response)
            throws IOException {
        StatementTemplate format = template(template, year);
        CellAddress address = cellAddress(cell, format);
        UnitCode unitCode = knownUnit(unit);
        PostingFilter filter = filter(filters);
        response.setContentType(XLSX);
        response.setHeader(
                org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                org.springframework.http.ContentDisposition.attachment()
                        .filename(
                                unit
                                        + "-"
                                        + year
                                        + "-trace-"
                                        + address.toString().replace('/', '-')
                                        + ".xlsx")
                        .build()
                        .toString());
        traces.exportTrace(
                unitCode,
                fiscalYear(year),
                address,
                asOf,
                format,
                filter,
                response.getOutputStream());
    }

    private static PostingFilter filter(TraceFilters filters) {
        try {
            return filters.toFilter();
        } catch (Refusal refused) {
            throw BadRequest.malformed("filter", refused.reason());
        }
    }

    private static TracePaging paging(Integer page, Integer size) {
        try {
            return TracePaging.of(page, size);
        } catch (TracePaging.Invalid invalid) {
            throw BadRequest.malformed(invalid.field(), invalid.reason());
        }
    }

    @Operation(
            summary =
                    "Every 审核公式 evaluated on the statements, and their ties to the 预算会计 科目余额表;"
                            + " rounding tails are notes")
    @GetMapping("/units/{unit}/years/{year}/checks")
    List<Finding> checks(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template) {
        return accounting.checks(statementSet(unit, year, asOf, template), asOf);
    }

    @Operation(
            summary =
                    "Reconcile with published figures (body: TSV table<TAB>row<TAB>column<TAB>value)")
    @PostMapping(
            value = "/units/{unit}/years/{year}/reconciliation",
            consumes = {"text/tab-separated-values", MediaType.TEXT_PLAIN_VALUE})
    ReconciliationView reconcile(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestBody String tsv,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template) {
        return reconcileUpload(
                unit, year, tsv.getBytes(StandardCharsets.UTF_8), "published.tsv", asOf, template);
    }

    @Operation(
            summary =
                    "Reconcile the statements with the published report itself (its PDF): its figures are"
                            + " read from it as `ledger read-report` reads them")
    @PostMapping(
            value = "/units/{unit}/years/{year}/reconciliation",
            consumes = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ReconciliationView reconcileReport(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestBody byte[] report,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template) {
        return reconcileUpload(unit, year, report, "report.pdf", asOf, template);
    }

    /** A TSV of published figures, or a report (PDF or text) whose figures are read from it. */
    private ReconciliationView reconcileUpload(
            String unit, int year, byte[] content, String name, LocalDate asOf, String template) {
        PublishedUpload upload;
        try {
            upload = PublishedUpload.of(content, name, template, year);
        } catch (IllegalArgumentException unreadable) {
            throw new JournalRefused(
                    List.of(new JournalProblem(0, "published", unreadable.getMessage())));
        }
        StatementSet set = statementSet(unit, year, asOf, upload.template());
        PublishedFigures published = publishedFigures(upload.text(), set.template());
        ReconciliationReport report = Reconciliation.reconcile(set, published);
        return ReconciliationView.of(report);
    }

    @Operation(
            summary =
                    "What closing the year would carry (结转预览): each budget line's balance and the total;"
                            + " writes nothing. Refused (422) as the close itself would be, e.g. for a year already closed")
    @GetMapping("/units/{unit}/years/{year}/close")
    ClosePreview closePreview(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date) {
        FiscalYear fiscalYear = fiscalYear(year);
        UnitCode unitCode = knownUnit(unit);
        return ClosePreview.of(
                closer.preview(
                        unitCode,
                        fiscalYear,
                        date != null ? date : YearCloser.defaultClosedOn(fiscalYear)));
    }

    @Operation(summary = "Close the year (结转): carry every balance into the next year")
    @PostMapping("/units/{unit}/years/{year}/close")
    FiscalYearClosed close(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date,
            Principal user) {
        FiscalYear fiscalYear = fiscalYear(year);
        UnitCode unitCode = knownUnit(unit);
        LocalDate closedOn = date != null ? date : YearCloser.defaultClosedOn(fiscalYear);
        return closer.close(unitCode, fiscalYear, closedOn, userOf(user));
    }

    private StatementSet statementSet(String unit, int year, LocalDate asOf, String template) {
        FiscalYear fiscalYear = fiscalYear(year);
        StatementTemplate format = template(template, year);
        return statements.statements(knownUnit(unit), fiscalYear, asOf, format);
    }

    /**
     * The built-in template a request names (2020, 2024, 2024-26), or its year's; 400 naming {@code
     * template}.
     */
    static StatementTemplate template(String name, int year) {
        try {
            return StatementService.builtInTemplate(name, fiscalYear(year));
        } catch (TemplateRefused refused) {
            throw BadRequest.malformed("template", String.join("; ", refused.problems()));
        }
    }

    private UnitCode knownUnit(String unit) {
        return PathParameters.knownUnit(unit, registry);
    }

    private static FiscalYear fiscalYear(int year) {
        return PathParameters.fiscalYear(year);
    }

    /**
     * A cell of one of the nine tables: the address must parse and name a row and column that
     * exist.
     */
    private static CellAddress cellAddress(String cell, StatementTemplate template) {
        CellAddress address;
        try {
            address = CellAddress.parse(cell);
        } catch (IllegalArgumentException malformed) {
            throw BadRequest.malformed("cell", malformed.getMessage());
        }
        Optional<String> noSuchCell = template.problemWith(address);
        if (noSuchCell.isPresent()) {
            throw BadRequest.malformed("cell", noSuchCell.get());
        }
        return address;
    }

    private static final Pattern PUBLISHED_PROBLEM = Pattern.compile("line (\\d+): (.*)");

    /** Published figures, or 422 naming every bad line of the upload. */
    static PublishedFigures publishedFigures(String tsv, StatementTemplate template) {
        try {
            return PublishedFigures.parse(new StringReader(tsv), template);
        } catch (IllegalArgumentException refused) {
            List<JournalProblem> problems = new ArrayList<>();
            for (String line : refused.getMessage().split("\\R")) {
                Matcher problem = PUBLISHED_PROBLEM.matcher(line.strip());
                if (problem.matches()) {
                    problems.add(
                            new JournalProblem(
                                    Integer.parseInt(problem.group(1)),
                                    "published",
                                    problem.group(2)));
                }
            }
            if (problems.isEmpty()) {
                problems.add(new JournalProblem(0, "published", refused.getMessage()));
            }
            throw new JournalRefused(problems);
        }
    }

    static String userOf(Principal principal) {
        return principal == null ? "api:anonymous" : principal.getName();
    }
}
