package ledger.api.web;

import java.time.LocalDate;
import ledger.api.statement.TracePaging;
import ledger.projections.statement.CellAddress;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The addresses of a unit-year's pages, carrying the as-of date and a statement template other than
 * the year's along, so a page never builds a URL by hand: {@code links.trace(cell)} is {@code
 * /units/U/years/2020/trace?cell=T3/2010302/3}.
 *
 * @param template a built-in template's name, or null for the year's own
 */
public record Links(String unit, int year, LocalDate asOf, String template) {

    public Links(String unit, int year, LocalDate asOf) {
        this(unit, year, asOf, null);
    }

    public String home() {
        return "/";
    }

    public String statements() {
        return withAsOf(base());
    }

    public String trace(CellAddress cell) {
        return withAsOf(base().path("/trace").queryParam("cell", cell.toString()));
    }

    /** One page of a trace; the size is left out when it is the default. */
    public String tracePage(CellAddress cell, int page, int size) {
        UriComponentsBuilder link =
                base().path("/trace").queryParam("cell", cell.toString()).queryParam("page", page);
        if (size != TracePaging.DEFAULT_SIZE) {
            link.queryParam("size", size);
        }
        return withAsOf(link);
    }

    /** The whole trace as an xlsx workbook. */
    public String traceExport(CellAddress cell) {
        return withAsOf(base().path("/trace.xlsx").queryParam("cell", cell.toString()));
    }

    public String checks() {
        return withAsOf(base().path("/checks"));
    }

    public String reconciliation() {
        UriComponentsBuilder link = base().path("/reconciliation");
        if (template != null) {
            link.queryParam("template", template);
        }
        return link.encode().toUriString();
    }

    public String explanation() {
        return withAsOf(base().path("/explanation"));
    }

    public String charts() {
        return withAsOf(base().path("/charts"));
    }

    public String chartPng(String id) {
        return withAsOf(base().path("/charts/" + id + ".png"));
    }

    /** The 科目余额表 (预算会计). */
    public String trialBalance() {
        return withAsOf(base().path("/trial-balance"));
    }

    /** The entries behind a line of the 科目余额表: a 科目 code or a 明细 line's id. */
    public String trialBalanceEntries(String line) {
        return withAsOf(base().path("/trial-balance/entries").queryParam("line", line));
    }

    /** The 预算指标 account. */
    public String indicators() {
        return withAsOf(base().path("/indicators"));
    }

    /** The events of one budget line of the 预算指标 account. */
    public String indicatorLine(String account) {
        return withAsOf(base().path("/indicators/line").queryParam("account", account));
    }

    /** 预算执行进度. */
    public String execution() {
        return withAsOf(base().path("/execution"));
    }

    public String workbook() {
        return withAsOf(base().path("/statements.xlsx"));
    }

    public String journal() {
        return JournalPages.PATH;
    }

    /**
     * An event's page, listing the cells it feeds in the given built-in template (null: the
     * year's).
     */
    public static String event(String eventId, String template) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/events/{id}");
        if (template != null) {
            link.queryParam("template", template);
        }
        return link.buildAndExpand(eventId).encode().toUriString();
    }

    public static String event(String eventId) {
        return UriComponentsBuilder.fromPath("/events/{id}")
                .buildAndExpand(eventId)
                .encode()
                .toUriString();
    }

    /**
     * A budget account's page, its balances and its history: account {@code
     * 2020/U/general/2010301/30201} is {@code /units/U/years/2020/accounts/general/2010301/30201},
     * under its unit's access rule.
     */
    public static String account(String accountId) {
        String[] parts = accountId.split("/", -1);
        return UriComponentsBuilder.fromPath(
                        "/units/{unit}/years/{year}/accounts/{fund}/{functional}/{economic}")
                .buildAndExpand(parts[1], parts[0], parts[2], parts[3], parts[4])
                .encode()
                .toUriString();
    }

    /** The statements of another year of the same unit. */
    public String year(int other) {
        return new Links(unit, other, null).statements();
    }

    private UriComponentsBuilder base() {
        return UriComponentsBuilder.fromPath("/units/" + encode(unit) + "/years/" + year);
    }

    private String withAsOf(UriComponentsBuilder builder) {
        if (asOf != null) {
            builder.queryParam("asOf", asOf.toString());
        }
        if (template != null) {
            builder.queryParam("template", template);
        }
        return builder.encode().toUriString();
    }

    private static String encode(String segment) {
        return UriComponentsBuilder.fromPath("/{s}")
                .buildAndExpand(segment)
                .encode()
                .toUriString()
                .substring(1);
    }
}
