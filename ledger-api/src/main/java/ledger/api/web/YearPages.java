package ledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ledger.api.recording.BudgetLineRoom;
import ledger.api.recording.JournalRefused;
import ledger.api.recording.TransactionRecorder;
import ledger.api.recording.YearCloser;
import ledger.api.report.Amounts;
import ledger.api.security.UnitAccess;
import ledger.api.statement.ProjectionStatus;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.AccountKey;
import ledger.core.account.FiscalYear;
import ledger.core.account.TransactionId;
import ledger.core.account.TransactionKind;
import ledger.core.account.UnitCode;
import ledger.core.classification.ClassificationCatalog;
import ledger.core.classification.CodedValue;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.FundSource;
import ledger.core.classification.ProcurementType;
import ledger.core.journal.JournalProblem;
import ledger.core.text.FieldName;
import ledger.core.year.FiscalYearClosed;
import ledger.journal.JournalColumn;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The year kept in the browser (issue 17 item 3): a form that records one transaction, a reversal
 * of an event, and the year close with a confirmation of what it carries forward. Each write goes
 * through the service the API uses ({@link TransactionRecorder#recordFields}, {@link YearCloser}),
 * so the checks, the audit lines and the events are the API's; a refusal is shown on the page in
 * Chinese with what was entered kept. Who may do what is the security configuration's: recorders
 * and approvers record and reverse, approvers close.
 */
@Controller
class YearPages {

    /** The form's fields in the order shown; the unit is the page's. */
    static final List<JournalColumn> FORM_FIELDS =
            List.of(
                    JournalColumn.ID,
                    JournalColumn.DATE,
                    JournalColumn.KIND,
                    JournalColumn.FUND,
                    JournalColumn.FUNCTIONAL,
                    JournalColumn.ECONOMIC,
                    JournalColumn.AMOUNT,
                    JournalColumn.NATURE,
                    JournalColumn.PROJECT,
                    JournalColumn.PROJECT_NAME,
                    JournalColumn.PROCUREMENT,
                    JournalColumn.SME,
                    JournalColumn.VOUCHER,
                    JournalColumn.MEMO,
                    JournalColumn.INDICATOR,
                    JournalColumn.REVERSES,
                    JournalColumn.TO_UNIT);

    private final TransactionRecorder recorder;
    private final BudgetLineRoom room;
    private final YearCloser closer;
    private final JdbcLedgerRegistry registry;
    private final PostingRepository postings;
    private final ProjectionStatus projections;
    private final UnitAccess units;

    YearPages(
            TransactionRecorder recorder,
            BudgetLineRoom room,
            YearCloser closer,
            JdbcLedgerRegistry registry,
            PostingRepository postings,
            ProjectionStatus projections,
            UnitAccess units) {
        this.recorder = recorder;
        this.room = room;
        this.closer = closer;
        this.registry = registry;
        this.postings = postings;
        this.projections = projections;
        this.units = units;
    }

    /** A choice of a select: the code posted and the Chinese shown. */
    record Choice(String code, String name) {}

    /** A refusal reason for the page: the field's Chinese name and the reason in Chinese. */
    record Problem(String field, String reason) {}

    /** One line the close carries forward, for the confirmation. */
    record CarriedView(String fund, String functional, String economic, String amount) {}

    @GetMapping("/units/{unit}/years/{year}/record")
    String recordForm(@PathVariable String unit, @PathVariable int year, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        FiscalYear fiscalYear = Page.year(year);
        LocalDate today = LocalDate.now();
        values.put(
                JournalColumn.DATE.english(),
                (fiscalYear.contains(today) ? today : fiscalYear.lastDay()).toString());
        values.put(JournalColumn.KIND.english(), TransactionKind.EXPENDITURE.code());
        return form(unit, year, values, model);
    }

    @PostMapping("/units/{unit}/years/{year}/record")
    String record(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam Map<String, String> params,
            Principal user,
            Model model,
            HttpServletResponse response) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<JournalColumn, String> fields = new EnumMap<>(JournalColumn.class);
        for (JournalColumn column : FORM_FIELDS) {
            String value = params.get(column.english());
            if (value != null) {
                values.put(column.english(), value);
                fields.put(column, value.strip());
            }
        }
        fields.put(JournalColumn.UNIT, unit);
        try {
            TransactionRecorder.Recorded recorded =
                    recorder.recordFields(
                            fields, webUser(user), code -> units.currentUserPermits(code.code()));
            model.addAttribute("recorded", recorded);
            model.addAttribute(
                    "recordedEvent",
                    eventOf(unit, fields.get(JournalColumn.DATE), recorded.transactionId()));
            values.clear();
            values.put(JournalColumn.DATE.english(), fields.get(JournalColumn.DATE));
            values.put(JournalColumn.KIND.english(), fields.get(JournalColumn.KIND));
        } catch (JournalRefused refused) {
            response.setStatus(422);
            model.addAttribute("problems", problems(refused));
        }
        return form(unit, year, values, model);
    }

    /** The line's room as JSON for the form's script: 可用 and how it is made up, in yuan. */
    @GetMapping("/units/{unit}/years/{year}/room")
    @ResponseBody
    ResponseEntity<Map<String, String>> roomOf(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam String fund,
            @RequestParam String functional,
            @RequestParam String economic) {
        try {
            BudgetLineRoom.Room found =
                    room.of(
                            new AccountKey(
                                    Page.year(year),
                                    Page.unit(unit),
                                    FundSource.parse(fund.strip()),
                                    FunctionalCode.of(functional.strip()),
                                    EconomicCode.of(economic.strip())));
            return ResponseEntity.ok(roomJson(found));
        } catch (RuntimeException incomplete) {
            // Codes still being typed: say what is missing rather than a number that means nothing.
            return ResponseEntity.badRequest()
                    .body(Map.of("text", "选择资金来源、功能分类（7 位）和经济分类（5 位）后显示可用资金"));
        }
    }

    /**
     * Reverses the event's transaction through the same path as any recording; back to the event
     * either way.
     */
    @PostMapping("/events/{eventId}/reverse")
    String reverse(
            @PathVariable String eventId,
            @RequestParam(required = false) String id,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String reason,
            Principal user,
            RedirectAttributes redirect) {
        Posting original =
                postings.byEventId(eventId)
                        .filter(found -> units.currentUserPermits(found.account().unit().code()))
                        .orElseThrow(() -> new NotFound("没有事件 " + eventId + "（事件号见追溯页）"));
        Map<String, String> entered = new LinkedHashMap<>();
        entered.put("id", id == null ? "" : id);
        entered.put("date", date == null ? "" : date);
        entered.put("reason", reason == null ? "" : reason);
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute(
                    "reverseProblems", List.of(new Problem("冲销原因", "请填写冲销原因（记入摘要）")));
            redirect.addFlashAttribute("reverseValues", entered);
            return "redirect:" + Links.event(eventId) + "#reverse-section";
        }
        Map<JournalColumn, String> fields = new EnumMap<>(JournalColumn.class);
        fields.put(JournalColumn.ID, entered.get("id").strip());
        fields.put(JournalColumn.DATE, entered.get("date").strip());
        fields.put(JournalColumn.KIND, TransactionKind.REVERSAL.code());
        fields.put(JournalColumn.UNIT, original.account().unit().code());
        fields.put(JournalColumn.REVERSES, original.transactionId().value());
        fields.put(JournalColumn.MEMO, reason.strip());
        try {
            recorder.recordFields(
                    fields, webUser(user), code -> units.currentUserPermits(code.code()));
            projections.awaitCaughtUp(Duration.ofMinutes(1));
            redirect.addFlashAttribute("reversedNow", true);
        } catch (JournalRefused refused) {
            redirect.addFlashAttribute("reverseProblems", problems(refused));
            redirect.addFlashAttribute("reverseValues", entered);
        }
        return "redirect:" + Links.event(eventId) + "#reverse-section";
    }

    /**
     * The confirmation: what the close will carry, per line and in total, before anything is
     * written.
     */
    @GetMapping("/units/{unit}/years/{year}/close")
    String closeConfirmation(@PathVariable String unit, @PathVariable int year, Model model) {
        UnitCode code = knownUnit(unit);
        FiscalYear fiscalYear = Page.year(year);
        context(model, code, year, "close");
        LocalDate closedOn = YearCloser.defaultClosedOn(fiscalYear);
        model.addAttribute("closedOn", closedOn);
        model.addAttribute("nextYear", fiscalYear.next().value());
        if (registry.isClosed(code, fiscalYear)) {
            return "close";
        }
        try {
            YearCloser.Preview preview = closer.preview(code, fiscalYear, closedOn);
            ClassificationCatalog names = registry.catalog(fiscalYear);
            List<CarriedView> lines = new ArrayList<>();
            for (YearCloser.CarriedLine line : preview.lines()) {
                AccountKey key = line.from();
                lines.add(
                        new CarriedView(
                                key.fund().chineseName(),
                                key.functional().code()
                                        + " "
                                        + names.functionalName(key.functional()).orElse(""),
                                key.economic().code()
                                        + " "
                                        + names.economicName(key.economic()).orElse(""),
                                Amounts.yuan(line.amount().fen())));
            }
            model.addAttribute("carried", lines);
            model.addAttribute("carriedTotal", Amounts.yuan(preview.closed().carriedTotal().fen()));
        } catch (JournalRefused refused) {
            model.addAttribute("problems", problems(refused));
        }
        return "close";
    }

    @PostMapping("/units/{unit}/years/{year}/close")
    String close(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) String confirm,
            Principal user,
            Model model,
            HttpServletResponse response) {
        if (!"yes".equals(confirm)) {
            // Only the confirmation's own button closes; anything else shows what would be carried.
            return closeConfirmation(unit, year, model);
        }
        UnitCode code = knownUnit(unit);
        FiscalYear fiscalYear = Page.year(year);
        context(model, code, year, "close");
        model.addAttribute("nextYear", fiscalYear.next().value());
        try {
            FiscalYearClosed closed =
                    closer.close(
                            code,
                            fiscalYear,
                            YearCloser.defaultClosedOn(fiscalYear),
                            webUser(user));
            model.addAttribute("closed", closed);
            model.addAttribute("carriedTotal", Amounts.yuan(closed.carriedTotal().fen()));
        } catch (JournalRefused refused) {
            response.setStatus(422);
            model.addAttribute("problems", problems(refused));
        }
        return "close";
    }

    private String form(String unit, int year, Map<String, String> values, Model model) {
        UnitCode code = knownUnit(unit);
        FiscalYear fiscalYear = Page.year(year);
        context(model, code, year, "record");
        ClassificationCatalog names = registry.catalog(fiscalYear);
        model.addAttribute("values", values);
        model.addAttribute(
                "kinds",
                Arrays.stream(TransactionKind.values())
                        .filter(
                                kind ->
                                        kind != TransactionKind.CARRY_FORWARD
                                                && kind != TransactionKind.CARRY_IN)
                        .map(YearPages::choice)
                        .toList());
        model.addAttribute(
                "funds", Arrays.stream(FundSource.values()).map(YearPages::choice).toList());
        model.addAttribute(
                "natures",
                Arrays.stream(ExpenditureNature.values()).map(YearPages::choice).toList());
        model.addAttribute(
                "procurements",
                Arrays.stream(ProcurementType.values()).map(YearPages::choice).toList());
        // The journal takes a 功能分类 项 (7 digits) and an 经济分类 款 (5 digits): only those are offered.
        model.addAttribute("functionalCodes", codes(names.functionalCodes(), 7));
        model.addAttribute("economicCodes", codes(names.economicCodes(), 5));
        model.addAttribute(
                "otherUnits",
                registry.unitNames().entrySet().stream()
                        .filter(
                                other ->
                                        !other.getKey().equals(code)
                                                && units.currentUserPermits(other.getKey().code()))
                        .map(other -> new Choice(other.getKey().code(), other.getValue()))
                        .toList());
        model.addAttribute("room", roomShown(code, fiscalYear, values));
        model.addAttribute("yearClosed", registry.isClosed(code, fiscalYear));
        return "record";
    }

    /**
     * The room of the line the form names, server-rendered (the script keeps it current as codes
     * change).
     */
    private Map<String, String> roomShown(
            UnitCode unit, FiscalYear year, Map<String, String> values) {
        try {
            return roomJson(
                    room.of(
                            new AccountKey(
                                    year,
                                    unit,
                                    FundSource.parse(values.get("fund").strip()),
                                    FunctionalCode.of(values.get("functional").strip()),
                                    EconomicCode.of(values.get("economic").strip()))));
        } catch (RuntimeException incomplete) {
            return Map.of("text", "选择资金来源、功能分类（7 位）和经济分类（5 位）后显示可用资金");
        }
    }

    private static Map<String, String> roomJson(BudgetLineRoom.Room found) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("account", found.account().id());
        json.put("available", Amounts.yuan(found.available().fen()));
        json.put("opening", Amounts.yuan(found.opening().fen()));
        json.put("received", Amounts.yuan(found.received().fen()));
        json.put("spent", Amounts.yuan(found.spent().fen()));
        json.put(
                "text",
                "可用 "
                        + json.get("available")
                        + " 元（年初结转 "
                        + json.get("opening")
                        + " + 本年拨款 "
                        + json.get("received")
                        + " − 已支出 "
                        + json.get("spent")
                        + "）");
        return json;
    }

    /**
     * The event the just-recorded transaction made, once the read model has it; null if it has not
     * yet.
     */
    private String eventOf(String unit, String date, String transactionId) {
        projections.awaitCaughtUp(Duration.ofMinutes(1));
        FiscalYear year = FiscalYear.of(LocalDate.parse(date).getYear());
        return postings
                .byTransaction(UnitCode.of(unit), year, TransactionId.of(transactionId))
                .stream()
                .map(Posting::eventId)
                .filter(id -> id != null)
                .findFirst()
                .map(Links::event)
                .orElse(null);
    }

    private void context(Model model, UnitCode unit, int year, String page) {
        model.addAttribute("links", new Links(unit.code(), year, null));
        model.addAttribute("unit", unit.code());
        model.addAttribute("unitName", registry.unitNames().getOrDefault(unit, unit.code()));
        model.addAttribute("year", year);
        model.addAttribute("page", page);
    }

    /**
     * A unit the ledger knows (any transaction); the path's unit is already one the user may reach.
     */
    private UnitCode knownUnit(String unit) {
        UnitCode code = Page.unit(unit);
        if (!registry.unitNames().containsKey(code)) {
            throw new NotFound("账簿中没有单位 " + unit + "：先导入它的日记账或通过 API 记第一笔账");
        }
        return code;
    }

    static List<Problem> problems(JournalRefused refused) {
        return refused.problems().stream().map(YearPages::problem).toList();
    }

    private static Problem problem(JournalProblem problem) {
        String column =
                problem.column() == null || problem.column().isEmpty() ? "" : problem.column();
        String field =
                column.isEmpty()
                        ? ""
                        : JournalColumn.byName(column)
                                .map(JournalColumn::chinese)
                                .orElse(FieldName.of(column).chinese());
        return new Problem(field, problem.reason());
    }

    private static List<Choice> codes(Map<String, String> names, int digits) {
        return names.entrySet().stream()
                .filter(entry -> entry.getKey().length() == digits)
                .map(entry -> new Choice(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static Choice choice(CodedValue value) {
        return new Choice(value.code(), value.chineseName());
    }

    private static String webUser(Principal user) {
        return user == null ? "web:anonymous" : "web:" + user.getName();
    }
}
