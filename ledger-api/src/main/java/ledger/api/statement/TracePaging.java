package ledger.api.statement;

import ledger.core.text.Reason;
import ledger.core.text.Refusal;

/**
 * Which slice of a trace to show: a big total at a million events has thousands of events, too many
 * for one answer or one page. Pages are 0-based and keep the trace's own order, so the pages
 * concatenated are the whole trace.
 */
public record TracePaging(int page, int size) {

    public static final int DEFAULT_SIZE = 500;

    /**
     * Large enough that a client following pages needs few requests, small enough to bound one
     * answer.
     */
    public static final int MAX_SIZE = 5_000;

    /** A page or size no trace can have, with the field it came from. */
    public static class Invalid extends Refusal {
        private static final long serialVersionUID = 1L;
        private final String field;

        Invalid(String field, Reason reason) {
            super(reason);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** A page beyond the last of a trace of {@code eventCount} events. */
    public static final class NoSuchPage extends Invalid {
        private static final long serialVersionUID = 1L;
        private final long eventCount;
        private final int pageCount;

        NoSuchPage(long eventCount, int pageCount, int page, int size) {
            super(
                    "page",
                    Reason.of(
                            "trace.noSuchPage", eventCount, pageCount, size, pageCount - 1, page));
            this.eventCount = eventCount;
            this.pageCount = pageCount;
        }

        public long eventCount() {
            return eventCount;
        }

        public int pageCount() {
            return pageCount;
        }
    }

    public TracePaging {
        if (page < 0) {
            throw new Invalid("page", Reason.of("trace.pageNegative", page));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new Invalid("size", Reason.of("trace.size", MAX_SIZE, size));
        }
    }

    /**
     * The requested page, or the first page of {@link #DEFAULT_SIZE} events where nothing was
     * asked.
     */
    public static TracePaging of(Integer page, Integer size) {
        return new TracePaging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    /**
     * How many pages a trace of {@code eventCount} events fills; an empty trace still has its page
     * 0.
     */
    public static int pageCount(int eventCount, int size) {
        return Math.max(1, (eventCount + size - 1) / size);
    }

    /** The index of this page's first event; refused when the trace has no such page. */
    public int from(int eventCount) {
        int pages = pageCount(eventCount, size);
        if (page >= pages) {
            throw new NoSuchPage(eventCount, pages, page, size);
        }
        return (int) Math.min((long) page * size, eventCount);
    }

    /** One past the index of this page's last event. */
    public int to(int eventCount) {
        return (int) Math.min((long) from(eventCount) + size, eventCount);
    }
}
