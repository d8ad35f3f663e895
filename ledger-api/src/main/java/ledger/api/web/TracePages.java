package ledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ledger.api.report.Amounts;
import ledger.api.report.ReportService;
import ledger.api.security.UnitAccess;
import ledger.api.statement.TraceFilters;
import ledger.api.statement.TracePaging;
import ledger.api.statement.TraceQueries;
import ledger.core.account.AccountKey;
import ledger.core.account.FiscalYear;
import ledger.core.account.ProjectCode;
import ledger.core.account.TransactionKind;
import ledger.core.account.UnitCode;
import ledger.core.money.Money;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingFilter;
import ledger.projections.posting.PostingRepository;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.CellTrace;
import ledger.projections.statement.Contribution;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementTemplate;
import ledger.projections.statement.TracedPosting;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Drill-down: a figure's trace (every event behind it with all its fields, and their sum, which is
 * the figure) and an event's page (every cell it feeds, each linking back to its trace).
 */
@Controller
class TracePages {

    private final ReportService reports;
    private final PostingRepository postings;
    private final UnitAccess units;
    private final TraceQueries traces;
    private final ReversalLinks reversals;

    TracePages(
            ReportService reports,
            PostingRepository postings,
            UnitAccess units,
            TraceQueries traces,
            ReversalLinks reversals) {
        this.reversals = reversals;
        this.reports = reports;
        this.postings = postings;
        this.units = units;
        this.traces = traces;
    }

    /**
     * One listed event: the posting, its sign in the cell and what it adds, in yuan, with links to
     * its account and, for a reversal, to what it reverses, and for a reversed transaction, to its
     * reversal.
     */
    record TracedRow(
            long number,
            PostingView posting,
            String sign,
            String contributesYuan,
            long contributesFen,
            String accountLink,
            String originalLink,
            String reversalLink) {}

    @GetMapping("/units/{unit}/years/{year}/trace")
    String trace(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam String cell,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer go,
            @RequestParam(required = false) Integer size,
            TraceFilters filters,
            Model model) {
        CellAddress address = CellAddress.parse(cell);
        StatementTemplate format = Page.template(template, year);
        format.problemWith(address)
                .ifPresent(
                        problem -> {
                            throw new IllegalArgumentException("单元格 " + cell + " 不存在：" + problem);
                        });
        TracePaging paging = TraceTools.paging(page, go, size);
        PostingFilter filter = filters.toFilter();
        TraceQueries.TracePage traced;
        try {
            traced =
                    traces.trace(
                            Page.unit(unit),
                            Page.year(year),
                            address,
                            asOf,
                            format,
                            filter,
                            paging);
        } catch (TracePaging.NoSuchPage beyond) {
            throw TraceTools.noSuchPage(beyond.eventCount(), beyond.pageCount(), paging.page());
        }
        StatementSet set = traced.statements();
        Links links = Page.context(model, set, asOf, "trace");
        String asked = format == StatementTemplate.forYear(year) ? null : format.name();
        Map<String, String> keep = TraceTools.keep(address.toString(), asOf, asked);
        if (size != null) {
            keep.put("size", size.toString());
        }
        TraceTools tools =
                new TraceTools(links.trace(address).replaceFirst("\\?.*", ""), keep, filters);
        List<TracedRow> rows =
                rows(
                        Page.unit(unit),
                        Page.year(year),
                        traced.rows(),
                        traced.firstIndex(),
                        traced.reversals(),
                        asked);
        model.addAttribute("tools", tools);
        model.addAttribute("filters", filters);
        model.addAttribute("kinds", TraceFilters.KINDS);
        model.addAttribute("filtered", filter.narrows());
        model.addAttribute(
                "pager",
                tools.pager(
                        paging,
                        traced.pageCount(),
                        traced.eventCount(),
                        traced.firstIndex(),
                        rows.size()));
        model.addAttribute(
                "exportLink", tools.other(links.traceExport(address).replaceFirst("\\?.*", "")));
        model.addAttribute("eventCount", traced.eventCount());
        model.addAttribute("cellCount", traced.cellCount());
        model.addAttribute("cell", address);
        model.addAttribute("cellName", CellNames.full(set, address));
        model.addAttribute("figure", Amounts.format(set.value(address).toWanYuan()));
        model.addAttribute("rows", rows);
        model.addAttribute("sumYuan", Amounts.yuan(traced.sumFen()));
        model.addAttribute("sumWan", Amounts.format(Money.ofFen(traced.sumFen()).toWanYuan()));
        model.addAttribute("sumFen", traced.sumFen());
        model.addAttribute("cellYuan", Amounts.yuan(traced.cellFen()));
        model.addAttribute("agrees", traced.cellFen() == set.fen(address));
        return "trace";
    }

    /** The whole (filtered) trace as an xlsx workbook, streamed from the database. */
    @GetMapping("/units/{unit}/years/{year}/trace.xlsx")
    void traceWorkbook(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam String cell,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template,
            TraceFilters filters,
            HttpServletResponse response)
            throws java.io.IOException {
        CellAddress address = CellAddress.parse(cell);
        StatementTemplate format = Page.template(template, year);
        format.problemWith(address)
                .ifPresent(
                        problem -> {
                            throw new IllegalArgumentException("单元格 " + cell + " 不存在：" + problem);
                        });
        PostingFilter filter = filters.toFilter();
        // the unit must exist before the download starts: a refusal then is still a page, not a
        // broken file
        reports.unitName(Page.unit(unit));
        TraceDownload.start(
                response,
                unit + "-" + year + "-追溯-" + address.toString().replace('/', '-') + ".xlsx");
        traces.exportTrace(
                Page.unit(unit),
                Page.year(year),
                address,
                asOf,
                format,
                filter,
                response.getOutputStream());
    }

    /** One budget account: its balances now and its history, searched and paged like a trace. */
    @GetMapping("/units/{unit}/years/{year}/accounts/{fund}/{functional}/{economic}")
    String account(
            @PathVariable String unit,
            @PathVariable int year,
            @PathVariable String fund,
            @PathVariable String functional,
            @PathVariable String economic,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer go,
            @RequestParam(required = false) Integer size,
            TraceFilters filters,
            Model model) {
        AccountKey account;
        try {
            account =
                    AccountKey.parse(
                            year + "/" + unit + "/" + fund + "/" + functional + "/" + economic);
        } catch (RuntimeException malformed) {
            throw new NotFound(
                    "没有预算账户 " + year + "/" + unit + "/" + fund + "/" + functional + "/" + economic);
        }
        TracePaging paging = TraceTools.paging(page, go, size);
        TraceQueries.AccountPage history;
        try {
            history = traces.account(account, filters.toFilter(), paging);
        } catch (TracePaging.NoSuchPage beyond) {
            throw TraceTools.noSuchPage(beyond.eventCount(), beyond.pageCount(), paging.page());
        }
        Links links = new Links(unit, year, null);
        TraceTools tools =
                new TraceTools(
                        Links.account(account.id()),
                        size == null ? Map.of() : Map.of("size", size.toString()),
                        filters);
        List<TracedRow> rows = new ArrayList<>();
        Map<ProjectCode, String> projects = reports.projectNames(account.unit());
        var catalog = reports.catalogOf(account.year());
        long number = history.firstIndex();
        for (Posting posting : history.rows()) {
            rows.add(row(++number, posting, 0, catalog, projects, history.reversals(), null));
        }
        model.addAttribute("links", links);
        model.addAttribute("unit", unit);
        model.addAttribute("unitName", history.unitName());
        model.addAttribute("year", year);
        model.addAttribute("account", account);
        model.addAttribute("fundName", account.fund().chineseName());
        model.addAttribute(
                "functionalName",
                account.functional().code()
                        + " "
                        + catalog.functionalName(account.functional()).orElse(""));
        model.addAttribute(
                "economicName",
                account.economic().code()
                        + " "
                        + catalog.economicName(account.economic()).orElse(""));
        List<String[]> balances = new ArrayList<>();
        for (TransactionKind kind : TraceFilters.KINDS) {
            if (history.byKind().containsKey(kind)) {
                balances.add(new String[] {kind.chineseName(), Amounts.yuan(history.get(kind))});
            }
        }
        model.addAttribute("balances", balances);
        model.addAttribute("adjustedBudgetYuan", Amounts.yuan(history.adjustedBudgetFen()));
        model.addAttribute("availableYuan", Amounts.yuan(history.availableFen()));
        model.addAttribute("tools", tools);
        model.addAttribute("filters", filters);
        model.addAttribute("kinds", TraceFilters.KINDS);
        model.addAttribute("filtered", filters.toFilter().narrows());
        model.addAttribute(
                "pager",
                tools.pager(
                        paging,
                        history.pageCount(),
                        history.eventCount(),
                        history.firstIndex(),
                        rows.size()));
        model.addAttribute("rows", rows);
        return "account";
    }

    private List<TracedRow> rows(
            UnitCode unit,
            FiscalYear year,
            List<TracedPosting> page,
            long firstIndex,
            PostingRepository.ReversalPairs reversals,
            String template) {
        Map<ProjectCode, String> projects = reports.projectNames(unit);
        var catalog = reports.catalogOf(year);
        List<TracedRow> rows = new ArrayList<>();
        long number = firstIndex;
        for (TracedPosting entry : page) {
            rows.add(
                    row(
                            ++number,
                            entry.posting(),
                            entry.sign(),
                            catalog,
                            projects,
                            reversals,
                            template));
        }
        return rows;
    }

    /**
     * A row; {@code sign} 0 lists the posting for itself (an account's history), not for a cell.
     */
    private static TracedRow row(
            long number,
            Posting posting,
            int sign,
            ledger.core.classification.ClassificationCatalog catalog,
            Map<ProjectCode, String> projects,
            PostingRepository.ReversalPairs reversals,
            String template) {
        long fen =
                sign == 0
                        ? posting.amountFen()
                        : Math.multiplyExact(posting.amountFen(), (long) sign);
        String original = reversals.originals().get(posting.transactionId().value());
        String reversal = reversals.reversals().get(posting.transactionId().value());
        return new TracedRow(
                number,
                PostingView.of(
                        posting,
                        catalog,
                        posting.project() == null ? null : projects.get(posting.project()),
                        template),
                sign == 0 ? "" : sign > 0 ? "+" : "−",
                Amounts.yuan(fen),
                fen,
                Links.account(posting.account().id()),
                original == null ? null : Links.event(original, template),
                reversal == null ? null : Links.event(reversal, template));
    }

    /** A cell an event feeds: where, with which sign, and what the cell shows now. */
    record FedCell(CellAddress cell, String name, String sign, String figure, String link) {}

    @GetMapping("/events/{eventId}")
    String event(
            @PathVariable String eventId,
            @RequestParam(required = false) String template,
            Model model) {
        // an event of a unit the user may not reach reads exactly like one that does not exist
        Posting posting =
                postings.byEventId(eventId)
                        .filter(found -> units.currentUserPermits(found.account().unit().code()))
                        .orElseThrow(() -> new NotFound("没有事件 " + eventId + "（事件号见追溯页）"));
        StatementSet set =
                reports.statements(
                        posting.account().unit(),
                        posting.account().year(),
                        null,
                        Page.template(template, posting.account().year().value()));
        Links links = Page.context(model, set, null, "event");
        String projectName =
                posting.project() == null
                        ? null
                        : reports.projectNames(posting.account().unit()).get(posting.project());
        List<FedCell> cells = new ArrayList<>();
        for (Contribution contribution : CellTrace.contributionsOf(set.template(), posting)) {
            CellAddress cell = contribution.cell();
            cells.add(
                    new FedCell(
                            cell,
                            CellNames.full(set, cell),
                            contribution.sign() > 0 ? "+" : "−",
                            Amounts.format(set.value(cell).toWanYuan()),
                            links.trace(cell)));
        }
        model.addAttribute(
                "posting",
                PostingView.of(posting, reports.catalogOf(posting.account().year()), projectName));
        model.addAttribute("cells", cells);
        model.addAttribute("reversal", reversals.of(posting));
        return "event";
    }
}
