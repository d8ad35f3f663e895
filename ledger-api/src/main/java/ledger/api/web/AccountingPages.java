package ledger.api.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ledger.api.report.ReportService;
import ledger.api.statement.AccountingService;
import ledger.api.statement.AccountingService.TrialBalanceReport;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.money.Money;
import ledger.projections.accounting.AccountingGrids;
import ledger.projections.accounting.BudgetEntry;
import ledger.projections.accounting.BudgetJournal;
import ledger.projections.accounting.Grid;
import ledger.projections.accounting.IndicatorAccount;
import ledger.projections.accounting.UnitKind;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingRepository;
import ledger.projections.statement.StatementSet;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The 预算会计 pages: the 科目余额表 with its ties to the 决算, every figure a link to the entries behind its
 * line and each entry to its event; and the 预算指标 account, each budget line a link to its events.
 */
@Controller
class AccountingPages {

    private final ReportService reports;
    private final AccountingService accounting;
    private final PostingRepository postings;

    AccountingPages(
            ReportService reports, AccountingService accounting, PostingRepository postings) {
        this.reports = reports;
        this.accounting = accounting;
        this.postings = postings;
    }

    /** A row of a grid as a page shows it: text cells, and the link its figures go to. */
    record GridRowView(List<String> cells, List<Boolean> amounts, String link, boolean total) {}

    /** One entry behind a line, with its event's link. */
    record EntryView(
            String date,
            String transactionId,
            String kind,
            String side,
            String account,
            String detail,
            String functional,
            String economic,
            String amount,
            String period,
            String eventLink) {}

    @GetMapping("/units/{unit}/years/{year}/trial-balance")
    String trialBalance(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String unitKind,
            @RequestParam(required = false) boolean proFormaClose,
            Model model) {
        TrialBalanceReport report =
                report(unit, year, asOf, unitKind, proFormaClose, model, "trial-balance");
        Links links = (Links) model.getAttribute("links");
        Grid grid =
                AccountingGrids.trialBalance(
                        report.balance(), report.unitName(), accounting.names(FiscalYear.of(year)));
        model.addAttribute("grid", grid);
        model.addAttribute(
                "rows",
                views(
                        grid,
                        row ->
                                row.traces().isEmpty()
                                        ? null
                                        : links.trialBalanceEntries(row.traces())));
        Grid ties = AccountingGrids.ties(report.ties());
        model.addAttribute("ties", ties);
        model.addAttribute("tieRows", views(ties, row -> null));
        model.addAttribute("balanced", report.balance().balanced());
        model.addAttribute("proFormaClose", proFormaClose);
        model.addAttribute("brokenTies", report.ties().stream().filter(t -> !t.holds()).count());
        return "trial-balance";
    }

    @GetMapping("/units/{unit}/years/{year}/trial-balance/entries")
    String entries(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam String line,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String unitKind,
            @RequestParam(required = false) boolean proFormaClose,
            Model model) {
        BudgetEntry.DetailKey detail =
                line.contains("|") ? BudgetEntry.DetailKey.parse(line) : null;
        String code = detail == null ? line : detail.code();
        if (!code.matches("\\d{4}")) {
            throw new IllegalArgumentException("line 应为四位科目编码或明细行，不是 '" + line + "'");
        }
        TrialBalanceReport report =
                report(unit, year, asOf, unitKind, proFormaClose, model, "trial-balance");
        List<BudgetEntry> entries = report.balance().entriesOf(code, detail);
        List<EntryView> views = new ArrayList<>();
        long debit = 0;
        long credit = 0;
        for (BudgetEntry e : entries) {
            views.add(
                    new EntryView(
                            e.date().toString(),
                            e.transactionId() == null ? "" : e.transactionId().value(),
                            e.kind().chineseName(),
                            e.side().chineseName(),
                            e.account().label(),
                            e.detail(),
                            e.functional() == null ? "" : e.functional().code(),
                            e.economic() == null ? "" : e.economic().code(),
                            Money.ofFen(e.amountFen()).toYuanString(),
                            e.opening() ? "期初" : e.closing() ? "结账" : "本期",
                            e.eventId().isEmpty() ? null : Links.event(e.eventId())));
            if (!e.opening()) {
                if (e.side() == ledger.projections.accounting.Side.DEBIT) {
                    debit += e.amountFen();
                } else {
                    credit += e.amountFen();
                }
            }
        }
        model.addAttribute(
                "line",
                detail == null
                        ? report.balance().account(code).account().label()
                        : code
                                + " "
                                + detail.detail()
                                + " "
                                + detail.functional()
                                + " "
                                + detail.economic());
        model.addAttribute("entries", views);
        model.addAttribute("debit", Money.ofFen(debit).toYuanString());
        model.addAttribute("credit", Money.ofFen(credit).toYuanString());
        return "trial-balance-entries";
    }

    @GetMapping("/units/{unit}/years/{year}/indicators")
    String indicators(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            Model model) {
        IndicatorAccount account = indicatorAccount(unit, year, asOf, model);
        Links links = (Links) model.getAttribute("links");
        Grid grid =
                AccountingGrids.indicators(
                        account,
                        (String) model.getAttribute("unitName"),
                        accounting.names(FiscalYear.of(year)));
        model.addAttribute("grid", grid);
        model.addAttribute(
                "rows",
                views(
                        grid,
                        row ->
                                row.traces().isEmpty() || row.traces().startsWith("project:")
                                        ? null
                                        : links.indicatorLine(row.traces())));
        return "indicators";
    }

    @GetMapping("/units/{unit}/years/{year}/indicators/line")
    String indicatorLine(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam String account,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            Model model) {
        IndicatorAccount indicators = indicatorAccount(unit, year, asOf, model);
        IndicatorAccount.Line line =
                indicators.lines().stream()
                        .filter(l -> l.account().id().equals(account))
                        .findFirst()
                        .orElseThrow(() -> new NotFound("预算指标账中没有预算行 " + account));
        Set<String> wanted = new java.util.HashSet<>(line.appropriationEvents());
        wanted.addAll(line.spendingEvents());
        line.indicators().forEach(i -> wanted.addAll(i.eventIds()));
        List<Posting> behind =
                postings.postingsOf(UnitCode.of(unit), FiscalYear.of(year)).stream()
                        .filter(p -> wanted.contains(p.eventId()))
                        .toList();
        var catalog = accounting.names(FiscalYear.of(year));
        Map<ledger.core.account.ProjectCode, String> projects =
                postings.projectNames(UnitCode.of(unit));
        model.addAttribute("line", line);
        model.addAttribute("accountLink", Links.account(line.account().id()));
        model.addAttribute(
                "postings",
                behind.stream()
                        .map(
                                p ->
                                        PostingView.of(
                                                p,
                                                catalog,
                                                p.project() == null
                                                        ? null
                                                        : projects.get(p.project())))
                        .toList());
        return "indicator-line";
    }

    private TrialBalanceReport report(
            String unit,
            int year,
            LocalDate asOf,
            String unitKind,
            boolean proForma,
            Model model,
            String page) {
        StatementSet set = statements(unit, year, asOf);
        Page.context(model, set, asOf, page);
        UnitKind kind =
                unitKind == null || unitKind.isBlank()
                        ? UnitKind.defaultKind()
                        : UnitKind.parse(unitKind);
        model.addAttribute("unitKind", kind);
        return accounting.trialBalance(set.unit(), set.year(), asOf, kind, proForma);
    }

    private IndicatorAccount indicatorAccount(String unit, int year, LocalDate asOf, Model model) {
        StatementSet set = statements(unit, year, asOf);
        Page.context(model, set, asOf, "indicators");
        return accounting.indicators(set.unit(), set.year(), asOf);
    }

    private StatementSet statements(String unit, int year, LocalDate asOf) {
        FiscalYear fiscalYear = Page.year(year);
        try {
            BudgetJournal.requireInYear(fiscalYear, asOf);
        } catch (IllegalArgumentException outside) {
            throw new IllegalArgumentException("截至日期（asOf）：" + outside.getMessage(), outside);
        }
        return reports.statements(Page.unit(unit), fiscalYear, asOf);
    }

    private static List<GridRowView> views(
            Grid grid, java.util.function.Function<Grid.Row, String> link) {
        return grid.rows().stream()
                .map(
                        row ->
                                new GridRowView(
                                        row.cells().stream().map(Grid::text).toList(),
                                        grid.amounts(),
                                        link.apply(row),
                                        row.total()))
                .toList();
    }
}
