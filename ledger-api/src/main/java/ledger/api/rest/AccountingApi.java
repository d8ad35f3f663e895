package ledger.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import ledger.api.report.StatementWorkbook;
import ledger.api.statement.AccountingService;
import ledger.api.statement.AccountingService.TrialBalanceReport;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.accounting.AccountingGrids;
import ledger.projections.accounting.AccountingJson;
import ledger.projections.accounting.BudgetEntry;
import ledger.projections.accounting.BudgetJournal;
import ledger.projections.accounting.IndicatorAccount;
import ledger.projections.accounting.UnitKind;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unit's 预算会计 over the API: the 科目余额表 (JSON, text, xlsx) with its ties to the 决算, the entries
 * behind any of its lines, and the 预算指标 account. Reads only; a unit not granted is refused 403
 * before anything is read (the {@code /api/units/{unit}/**} rule), a date outside the year 400
 * naming {@code asOf}.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "ledger")
class AccountingApi {

    private final AccountingService accounting;
    private final JdbcLedgerRegistry registry;

    AccountingApi(AccountingService accounting, JdbcLedgerRegistry registry) {
        this.accounting = accounting;
        this.registry = registry;
    }

    @Operation(
            summary =
                    "科目余额表 (预算会计): 期初余额, 本期借方, 本期贷方, 期末余额 by 科目 and 明细, in yuan, with the"
                            + " ties to 表1/表3/表4")
    @GetMapping(
            value = "/units/{unit}/years/{year}/trial-balance",
            produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode trialBalance(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String unitKind,
            @RequestParam(required = false) boolean proFormaClose,
            @RequestParam(required = false) String format) {
        if (format != null && !format.equals("json")) {
            throw BadRequest.malformed(
                    "format",
                    "format 应为 json、text 或 xlsx，不是 '"
                            + format
                            + "' (format must be json, text or xlsx)");
        }
        TrialBalanceReport report = report(unit, year, asOf, unitKind, proFormaClose);
        return AccountingJson.trialBalance(report.balance(), report.unitName(), report.ties());
    }

    @Operation(summary = "科目余额表 as text, as `ledger trial-balance` prints it")
    @GetMapping(
            value = "/units/{unit}/years/{year}/trial-balance",
            params = "format=text",
            produces = "text/plain;charset=UTF-8")
    String trialBalanceText(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String unitKind,
            @RequestParam(required = false) boolean proFormaClose) {
        TrialBalanceReport report = report(unit, year, asOf, unitKind, proFormaClose);
        var names = accounting.names(report.balance().journal().year());
        return AccountingGrids.trialBalance(report.balance(), report.unitName(), names).render()
                + "\n"
                + AccountingGrids.ties(report.ties()).render();
    }

    @Operation(summary = "科目余额表 and its ties as a workbook")
    @GetMapping(
            value = "/units/{unit}/years/{year}/trial-balance",
            params = "format=xlsx",
            produces = LedgerController.XLSX)
    byte[] trialBalanceWorkbook(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String unitKind,
            @RequestParam(required = false) boolean proFormaClose) {
        TrialBalanceReport report = report(unit, year, asOf, unitKind, proFormaClose);
        var names = accounting.names(report.balance().journal().year());
        return StatementWorkbook.write(
                List.of(
                        AccountingGrids.trialBalance(report.balance(), report.unitName(), names),
                        AccountingGrids.ties(report.ties())));
    }

    @Operation(
            summary =
                    "The entries behind one line of the 科目余额表: line=6001 for a 科目, or a 明细 line's detailId"
                            + " (科目|明细|功能分类|经济分类); each names its event")
    @GetMapping("/units/{unit}/years/{year}/trial-balance/entries")
    JsonNode entries(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam String line,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String unitKind,
            @RequestParam(required = false) boolean proFormaClose) {
        BudgetEntry.DetailKey detail = null;
        String code = line;
        if (line.contains("|")) {
            try {
                detail = BudgetEntry.DetailKey.parse(line);
            } catch (IllegalArgumentException malformed) {
                throw BadRequest.malformed("line", malformed.getMessage());
            }
            code = detail.code();
        } else if (!line.matches("\\d{4}")) {
            throw BadRequest.malformed(
                    "line",
                    "line 应为四位科目编码或明细行，不是 '"
                            + line
                            + "' (line must be a 科目 code or a detail line)");
        }
        TrialBalanceReport report = report(unit, year, asOf, unitKind, proFormaClose);
        String wanted = code;
        if (report.balance().rows().stream().noneMatch(r -> r.account().code().equals(wanted))) {
            throw BadRequest.malformed(
                    "line", ledger.core.text.Reason.of("accounting.noSuchAccount", code));
        }
        return AccountingJson.entries(report.balance().entriesOf(code, detail));
    }

    @Operation(
            summary =
                    "预算指标 account: each 指标 with source (年初/追加/调减/结转), amount, 已拨, 已支, 可用, per budget"
                            + " line; and what each project spent")
    @GetMapping(
            value = "/units/{unit}/years/{year}/indicators",
            produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode indicators(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf) {
        FiscalYear fiscalYear = PathParameters.fiscalYear(year);
        UnitCode code = PathParameters.knownUnit(unit, registry);
        requireInYear(fiscalYear, asOf);
        IndicatorAccount account = accounting.indicators(code, fiscalYear, asOf);
        return AccountingJson.indicators(account, accounting.unitName(code));
    }

    @Operation(summary = "预算指标 account as text, as `ledger indicators` prints it")
    @GetMapping(
            value = "/units/{unit}/years/{year}/indicators",
            params = "format=text",
            produces = "text/plain;charset=UTF-8")
    String indicatorsText(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf) {
        FiscalYear fiscalYear = PathParameters.fiscalYear(year);
        UnitCode code = PathParameters.knownUnit(unit, registry);
        requireInYear(fiscalYear, asOf);
        return AccountingGrids.indicators(
                        accounting.indicators(code, fiscalYear, asOf),
                        accounting.unitName(code),
                        accounting.names(fiscalYear))
                .render();
    }

    private TrialBalanceReport report(
            String unit, int year, LocalDate asOf, String unitKind, boolean proForma) {
        FiscalYear fiscalYear = PathParameters.fiscalYear(year);
        UnitCode code = PathParameters.knownUnit(unit, registry);
        requireInYear(fiscalYear, asOf);
        return accounting.trialBalance(code, fiscalYear, asOf, kind(unitKind), proForma);
    }

    private static UnitKind kind(String unitKind) {
        if (unitKind == null) {
            return UnitKind.defaultKind();
        }
        try {
            return UnitKind.parse(unitKind);
        } catch (IllegalArgumentException malformed) {
            throw BadRequest.malformed("unitKind", malformed.getMessage());
        }
    }

    /** 400 naming {@code asOf} when the day is not in the fiscal year. */
    static void requireInYear(FiscalYear year, LocalDate asOf) {
        try {
            BudgetJournal.requireInYear(year, asOf);
        } catch (IllegalArgumentException outside) {
            throw BadRequest.malformed("asOf", outside.getMessage());
        }
    }
}
