package ledger.api.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ledger.api.report.Amounts;
import ledger.api.report.ReportService;
import ledger.api.security.UnitAccess;
import ledger.api.statement.TracePaging;
import ledger.core.account.ProjectCode;
import ledger.core.money.Money;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingRepository;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.CellTrace;
import ledger.projections.statement.Contribution;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementTemplate;
import ledger.projections.statement.Trace;
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
    private final ReversalLinks reversals;

    TracePages(ReportService reports, PostingRepository postings, UnitAccess units, ReversalLinks reversals) {
        this.reversals = reversals;
        this.reports = reports;
        this.postings = postings;
        this.units = units;
    }

    /** One traced event: the posting, its sign in the cell and what it adds, in yuan. */
    record TracedRow(int number, PostingView posting, String sign, String contributesYuan,
            long contributesFen) {
    }

    @GetMapping("/units/{unit}/years/{year}/trace")
    String trace(@PathVariable String unit, @PathVariable int year, @RequestParam String cell,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String template,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            Model model) {
        CellAddress address = CellAddress.parse(cell);
        StatementTemplate format = Page.template(template, year);
        format.problemWith(address).ifPresent(problem -> {
            throw new IllegalArgumentException("单元格 " + cell + " 不存在：" + problem);
        });
        TracePaging paging;
        try {
            paging = TracePaging.of(page, size);
        } catch (TracePaging.Invalid invalid) {
            throw new IllegalArgumentException(invalid.field().equals("page") ? "页码从 0 起算，不能是 " + page
                    : "每页事件数须在 1 到 " + TracePaging.MAX_SIZE + " 之间，不能是 " + size);
        }
        ReportService.TracedFigure traced = reports.trace(Page.unit(unit), Page.year(year), address, asOf, format);
        StatementSet set = traced.statements();
        Trace trace = traced.trace();
        int count = trace.postings().size();
        if (paging.page() >= TracePaging.pageCount(count, paging.size())) {
            throw new IllegalArgumentException("此追溯共 " + count + " 笔事件、" + TracePaging.pageCount(count,
                    paging.size()) + " 页（第 0 页起），没有第 " + paging.page() + " 页");
        }
        int from = paging.from(count);
        int to = paging.to(count);
        Map<ProjectCode, String> projects = reports.projectNames(Page.unit(unit));
        List<TracedRow> rows = new ArrayList<>();
        var catalog = reports.catalogOf(Page.year(year));
        String asked = format == StatementTemplate.forYear(year) ? null : format.name();
        for (TracedPosting entry : trace.postings().subList(from, to)) {
            Posting posting = entry.posting();
            rows.add(new TracedRow(from + rows.size() + 1, PostingView.of(posting, catalog,
                    posting.project() == null ? null : projects.get(posting.project()), asked),
                    entry.sign() > 0 ? "+" : "−", Amounts.yuan(entry.signedFen()), entry.signedFen()));
        }
        Links links = Page.context(model, set, asOf, "trace");
        int pages = TracePaging.pageCount(count, paging.size());
        model.addAttribute("eventCount", count);
        model.addAttribute("pageNumber", paging.page());
        model.addAttribute("pageCount", pages);
        model.addAttribute("firstNumber", from + 1);
        model.addAttribute("lastNumber", to);
        model.addAttribute("previousPage", paging.page() > 0
                ? links.tracePage(address, paging.page() - 1, paging.size()) : null);
        model.addAttribute("nextPage", paging.page() + 1 < pages
                ? links.tracePage(address, paging.page() + 1, paging.size()) : null);
        model.addAttribute("cell", address);
        model.addAttribute("cellName", CellNames.full(set, address));
        model.addAttribute("figure", Amounts.format(set.value(address).toWanYuan()));
        model.addAttribute("rows", rows);
        model.addAttribute("sumYuan", Amounts.yuan(trace.fen()));
        model.addAttribute("sumWan", Amounts.format(Money.ofFen(trace.fen()).toWanYuan()));
        model.addAttribute("sumFen", trace.fen());
        model.addAttribute("agrees", trace.fen() == set.fen(address));
        return "trace";
    }

    /** A cell an event feeds: where, with which sign, and what the cell shows now. */
    record FedCell(CellAddress cell, String name, String sign, String figure, String link) {
    }

    @GetMapping("/events/{eventId}")
    String event(@PathVariable String eventId, @RequestParam(required = false) String template, Model model) {
        // an event of a unit the user may not reach reads exactly like one that does not exist
        Posting posting = postings.byEventId(eventId)
                .filter(found -> units.currentUserPermits(found.account().unit().code()))
                .orElseThrow(() -> new NotFound("没有事件 " + eventId + "（事件号见追溯页）"));
        StatementSet set = reports.statements(posting.account().unit(), posting.account().year(), null,
                Page.template(template, posting.account().year().value()));
        Links links = Page.context(model, set, null, "event");
        String projectName = posting.project() == null ? null
                : reports.projectNames(posting.account().unit()).get(posting.project());
        List<FedCell> cells = new ArrayList<>();
        for (Contribution contribution : CellTrace.contributionsOf(set.template(), posting)) {
            CellAddress cell = contribution.cell();
            cells.add(new FedCell(cell, CellNames.full(set, cell), contribution.sign() > 0 ? "+" : "−",
                    Amounts.format(set.value(cell).toWanYuan()), links.trace(cell)));
        }
        model.addAttribute("posting", PostingView.of(posting, reports.catalogOf(posting.account().year()), projectName));
        model.addAttribute("cells", cells);
        model.addAttribute("reversal", reversals.of(posting));
        return "event";
    }
}
