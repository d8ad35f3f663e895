package ledger.api.web;

import java.util.LinkedHashMap;
import java.util.Map;
import ledger.api.statement.TraceFilters;
import ledger.api.statement.TracePaging;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filter form and the pager a trace and an account's history share: every link and form keeps
 * the page's own parameters (cell, as-of date, template) and the filter, so moving between pages
 * never loses the search.
 *
 * @param path the page's path
 * @param keep the page's own parameters, carried by every link and form
 * @param filters what the clerk searched for
 */
record TraceTools(String path, Map<String, String> keep, TraceFilters filters) {

    /**
     * A trace's own parameters: its cell, and the as-of date and a template other than the year's
     * when given.
     */
    static Map<String, String> keep(String cell, java.time.LocalDate asOf, String template) {
        Map<String, String> keep = new LinkedHashMap<>();
        keep.put("cell", cell);
        if (asOf != null) {
            keep.put("asOf", asOf.toString());
        }
        if (template != null) {
            keep.put("template", template);
        }
        return keep;
    }

    /**
     * The page numbers and links of one page of {@code count} events, pages numbered from 1 for
     * people.
     */
    record Pager(
            int number,
            int pageCount,
            long eventCount,
            long firstNumber,
            long lastNumber,
            String first,
            String previous,
            String next,
            String last,
            Map<String, String> jumpKeeps) {}

    /** The page's parameters with the filter, without a page: what the jump form sends along. */
    Map<String, String> withFilters(int size) {
        Map<String, String> all = new LinkedHashMap<>(keep);
        all.putAll(filters.parameters());
        if (size != TracePaging.DEFAULT_SIZE) {
            all.put("size", Integer.toString(size));
        }
        return all;
    }

    /** A page of the same search, 0-based as the parameter is. */
    String page(int page, int size) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        withFilters(size).forEach(link::queryParam);
        link.queryParam("page", page);
        return link.encode().toUriString();
    }

    /** The same search with other parameters (an export), no page. */
    String other(String otherPath) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(otherPath);
        withFilters(TracePaging.DEFAULT_SIZE).forEach(link::queryParam);
        return link.encode().toUriString();
    }

    /** The same page without the filter. */
    public String cleared() {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        keep.forEach(link::queryParam);
        return link.encode().toUriString();
    }

    Pager pager(TracePaging paging, int pageCount, long eventCount, long firstIndex, int rows) {
        int page = paging.page();
        int size = paging.size();
        return new Pager(
                page + 1,
                pageCount,
                eventCount,
                rows == 0 ? 0 : firstIndex + 1,
                firstIndex + rows,
                page > 0 ? page(0, size) : null,
                page > 0 ? page(page - 1, size) : null,
                page + 1 < pageCount ? page(page + 1, size) : null,
                page + 1 < pageCount ? page(pageCount - 1, size) : null,
                withFilters(size));
    }

    /**
     * The page asked for: {@code go} is the 1-based number typed into the jump box, {@code page}
     * the 0-based parameter of links.
     */
    static TracePaging paging(Integer page, Integer go, Integer size) {
        Integer zeroBased = go != null ? Integer.valueOf(go - 1) : page;
        try {
            return TracePaging.of(zeroBased, size);
        } catch (TracePaging.Invalid invalid) {
            // The page's numbers count from 1, the API's from 0: say it in the page's numbers.
            throw invalid.field().equals("page")
                    ? new Refusal(Reason.of("trace.pageFromOne", zeroBased + 1))
                    : invalid;
        }
    }

    /** A page beyond the last, in words. */
    static IllegalArgumentException noSuchPage(long count, int pageCount, int page) {
        return new Refusal(Reason.of("trace.noSuchPageNumbered", count, pageCount, page + 1));
    }
}
