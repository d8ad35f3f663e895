package ledger.api.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Pages of a trace: bounds, the refused page numbers and sizes, and pages put back together. */
class TracePagingTest {

    @Test
    void pagesCoverTheTraceOnceInOrder() {
        TracePaging first = TracePaging.of(null, null);
        assertThat(first).isEqualTo(new TracePaging(0, TracePaging.DEFAULT_SIZE));
        assertThat(TracePaging.pageCount(0, 7)).isEqualTo(1);
        assertThat(TracePaging.pageCount(7, 7)).isEqualTo(1);
        assertThat(TracePaging.pageCount(8, 7)).isEqualTo(2);
        assertThat(new TracePaging(0, 7).from(0)).isZero();
        assertThat(new TracePaging(0, 7).to(0)).isZero();
        assertThat(new TracePaging(1, 7).from(8)).isEqualTo(7);
        assertThat(new TracePaging(1, 7).to(8)).isEqualTo(8);
        // no overflow at the largest page numbers a client can send
        assertThatThrownBy(() -> new TracePaging(Integer.MAX_VALUE, TracePaging.MAX_SIZE).from(10))
                .isInstanceOf(TracePaging.Invalid.class);
    }

    @Test
    void impossiblePagesAndSizesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> TracePaging.of(-1, null))
                .isInstanceOfSatisfying(
                        TracePaging.Invalid.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("page"));
        assertThatThrownBy(() -> TracePaging.of(0, 0))
                .isInstanceOfSatisfying(
                        TracePaging.Invalid.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("size"));
        assertThatThrownBy(() -> TracePaging.of(0, TracePaging.MAX_SIZE + 1))
                .isInstanceOfSatisfying(
                        TracePaging.Invalid.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("size"));
        assertThat(TracePaging.of(0, TracePaging.MAX_SIZE).size()).isEqualTo(TracePaging.MAX_SIZE);
        assertThatThrownBy(() -> new TracePaging(2, 7).from(14))
                .isInstanceOfSatisfying(
                        TracePaging.Invalid.class,
                        invalid ->
                                assertThat(invalid)
                                        .hasMessage("共 14 条、2 页（每页 7 条，页码 0–1），没有页码为 2 的页")
                                        .satisfies(
                                                refused ->
                                                        assertThat(
                                                                        refused.reason(
                                                                                java.util.Locale
                                                                                        .ENGLISH))
                                                                .isEqualTo(
                                                                        "the trace has 14 event(s),"
                                                                                + " 2 page(s) of 7 (0–1);"
                                                                                + " there is no page 2"))
                                        .extracting(TracePaging.Invalid::field)
                                        .isEqualTo("page"));
    }

    @Test
    void pagesThatAgreeAreOneTraceAndPagesThatDoNotAreRefused() {
        List<TraceDocument.TracedEvent> events =
                IntStream.range(0, 5).mapToObj(i -> event(i, 100L * (i + 1))).toList();
        long sum = 1500;
        TraceDocument page0 = page(sum, 5, 0, events.subList(0, 2));
        TraceDocument page1 = page(sum, 5, 1, events.subList(2, 4));
        TraceDocument page2 = page(sum, 5, 2, events.subList(4, 5));
        TraceDocument whole = TraceDocument.concatenate(List.of(page0, page1, page2));
        assertThat(whole.events()).isEqualTo(events);
        assertThat(whole.eventCount()).isEqualTo(5);
        assertThat(whole.pageCount()).isEqualTo(1);
        assertThat(whole.complete()).isTrue();

        // a transaction recorded between two requests changes the total or the count
        TraceDocument grown = page(sum + 100, 6, 1, events.subList(2, 4));
        assertThatThrownBy(() -> TraceDocument.concatenate(List.of(page0, grown, page2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("changed between its pages");
        assertThatThrownBy(() -> TraceDocument.concatenate(List.of(page0, page2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hold 3 events");
    }

    private static TraceDocument page(
            long sumFen, int count, int page, List<TraceDocument.TracedEvent> events) {
        return new TraceDocument(
                "T3/2010302/3",
                "0.00",
                sumFen,
                "0.00",
                count,
                page,
                2,
                TracePaging.pageCount(count, 2),
                events);
    }

    private static TraceDocument.TracedEvent event(int i, long fen) {
        return new TraceDocument.TracedEvent(
                "e" + i,
                "ExpenditureRecorded",
                i,
                LocalDate.of(2020, 1, 1),
                "expenditure",
                "a",
                2020,
                "u",
                "f",
                "2010302",
                "30101",
                null,
                null,
                null,
                null,
                fen,
                "1.00",
                1,
                fen,
                "v",
                "m",
                "t" + i,
                null,
                "auditor",
                null,
                "");
    }
}
