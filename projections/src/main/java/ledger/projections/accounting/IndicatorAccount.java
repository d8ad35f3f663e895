package ledger.projections.accounting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ledger.core.account.AccountKey;
import ledger.core.account.FiscalYear;
import ledger.core.account.ProjectCode;
import ledger.core.account.TransactionId;
import ledger.core.account.TransactionKind;
import ledger.core.account.UnitCode;
import ledger.core.classification.ExpenditureNature;
import ledger.projections.posting.Posting;

/**
 * 预算指标 account: per budget line (fund × 功能分类 项 × 经济分类 款), each 指标 with its source, amount, 已拨
 * (appropriated), 已支 (spent) and 可用 (amount − 已支), as of a date; and per project what was spent.
 * The line's figures are exact sums of its postings; how they are shared among the line's 指标 is a
 * rule, because a payment does not name its 指标:
 *
 * <ul>
 *   <li>a 年初预算 row is one 指标 per 指标文号 ({@code indicator}), or one per line for the rows that name
 *       none; each 追加 and each 调减 is a 指标 of its own (调减 negative); opening and carried-in balances
 *       are one 结转 指标, already appropriated in full;
 *   <li>appropriations fill 年初 then 追加 指标 in the order they arrived, each up to its amount; what
 *       exceeds them (a source with no budget cap) is a 无指标 row whose amount is what it received;
 *   <li>spending draws on 结转 first, then on the 指标 in that order, each up to what it received.
 * </ul>
 *
 * A reversal counts against the 指标 of the transaction it reverses.
 */
public final class IndicatorAccount {

    /** Where a 指标 comes from. */
    public enum Source {
        CARRIED("结转"),
        INITIAL("年初"),
        SUPPLEMENT("追加"),
        REDUCTION("调减"),
        NONE("无指标");

        private final String chineseName;

        Source(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    /**
     * One 指标 of a line.
     *
     * @param name 指标文号, the transaction id of a 追加/调减, or a name for the unnamed ones
     * @param eventIds the events behind its amount
     */
    public record Indicator(
            Source source,
            String name,
            long amountFen,
            long appropriatedFen,
            long spentFen,
            List<String> eventIds) {

        public long availableFen() {
            return amountFen - spentFen;
        }
    }

    /** A budget line with its 指标 and totals, and the events of its 拨款 and 支出. */
    public record Line(
            AccountKey account,
            List<Indicator> indicators,
            long amountFen,
            long appropriatedFen,
            long spentFen,
            List<String> appropriationEvents,
            List<String> spendingEvents) {

        public long availableFen() {
            return amountFen - spentFen;
        }
    }

    /** What a project spent, and the events. */
    public record ProjectSpending(ProjectCode project, long spentFen, List<String> eventIds) {}

    private final UnitCode unit;
    private final FiscalYear year;
    private final LocalDate asOf;
    private final List<Line> lines;
    private final List<ProjectSpending> projects;

    private IndicatorAccount(
            UnitCode unit,
            FiscalYear year,
            LocalDate asOf,
            List<Line> lines,
            List<ProjectSpending> projects) {
        this.unit = unit;
        this.year = year;
        this.asOf = asOf;
        this.lines = List.copyOf(lines);
        this.projects = List.copyOf(projects);
    }

    /**
     * @throws IllegalArgumentException naming {@code asOf} when the day is not in the year
     */
    public static IndicatorAccount of(
            UnitCode unit, FiscalYear year, LocalDate asOfOrNull, Iterable<Posting> postings) {
        BudgetJournal.requireInYear(year, asOfOrNull);
        Map<AccountKey, LineBuilder> builders = new TreeMap<>((a, b) -> a.id().compareTo(b.id()));
        Map<TransactionId, String> indicatorOf = new HashMap<>();
        Map<ProjectCode, ProjectSpending> projects = new TreeMap<>();
        for (Posting p : postings) {
            if (!p.account().unit().equals(unit)
                    || !p.account().year().equals(year)
                    || asOfOrNull != null && p.date().isAfter(asOfOrNull)) {
                continue;
            }
            LineBuilder line = builders.computeIfAbsent(p.account(), LineBuilder::new);
            line.add(p, indicatorOf);
            if (p.kind() == TransactionKind.EXPENDITURE
                    && p.nature() == ExpenditureNature.PROJECT
                    && p.project() != null) {
                ProjectSpending before = projects.get(p.project());
                List<String> events =
                        new ArrayList<>(before == null ? List.of() : before.eventIds());
                events.add(p.eventId());
                projects.put(
                        p.project(),
                        new ProjectSpending(
                                p.project(),
                                Math.addExact(
                                        before == null ? 0 : before.spentFen(), p.amountFen()),
                                events));
            }
        }
        return new IndicatorAccount(
                unit,
                year,
                asOfOrNull,
                builders.values().stream().map(LineBuilder::build).toList(),
                new ArrayList<>(projects.values()));
    }

    public UnitCode unit() {
        return unit;
    }

    public FiscalYear year() {
        return year;
    }

    /** Null for the whole year. */
    public LocalDate asOf() {
        return asOf;
    }

    public List<Line> lines() {
        return lines;
    }

    public List<ProjectSpending> projects() {
        return projects;
    }

    /** The sum of one source's 指标 over every line. */
    public long totalFen(Source source) {
        return lines.stream()
                .flatMap(l -> l.indicators().stream())
                .filter(i -> i.source() == source)
                .mapToLong(Indicator::amountFen)
                .reduce(0, Math::addExact);
    }

    private static final class LineBuilder {
        private final AccountKey account;
        private final Map<String, long[]> amounts = new LinkedHashMap<>();
        private final Map<String, Source> sources = new HashMap<>();
        private final Map<String, List<String>> events = new HashMap<>();
        private final List<String> appropriationEvents = new ArrayList<>();
        private final List<String> spendingEvents = new ArrayList<>();
        private long appropriated;
        private long spent;

        LineBuilder(AccountKey account) {
            this.account = account;
        }

        void add(Posting p, Map<TransactionId, String> indicatorOf) {
            switch (p.kind()) {
                case BUDGET, SUPPLEMENT, REDUCE, OPENING, CARRY_IN -> {
                    String name;
                    if (p.isReversal()) {
                        name = indicatorOf.getOrDefault(p.reverses(), nameOf(p));
                    } else {
                        name = nameOf(p);
                        indicatorOf.put(p.transactionId(), name);
                    }
                    Source source = sourceOf(p.kind());
                    String key = source.name() + "\u0000" + name;
                    sources.put(key, source);
                    long sign = p.kind() == TransactionKind.REDUCE ? -1 : 1;
                    amounts.computeIfAbsent(key, k -> new long[1])[0] += sign * p.amountFen();
                    events.computeIfAbsent(key, k -> new ArrayList<>()).add(p.eventId());
                }
                case APPROPRIATION -> {
                    appropriated = Math.addExact(appropriated, p.amountFen());
                    appropriationEvents.add(p.eventId());
                }
                case EXPENDITURE -> {
                    spent = Math.addExact(spent, p.amountFen());
                    spendingEvents.add(p.eventId());
                }
                default -> {
                    // 年末结转 moves the balance into next year's 结转 指标; nothing here
                }
            }
        }

        private static String nameOf(Posting p) {
            return switch (p.kind()) {
                case BUDGET -> p.indicator().isEmpty() ? "年初预算" : p.indicator();
                case OPENING, CARRY_IN -> "上年结转";
                default -> p.transactionId().value();
            };
        }

        private static Source sourceOf(TransactionKind kind) {
            return switch (kind) {
                case BUDGET -> Source.INITIAL;
                case SUPPLEMENT -> Source.SUPPLEMENT;
                case REDUCE -> Source.REDUCTION;
                default -> Source.CARRIED;
            };
        }

        Line build() {
            List<String> keys = new ArrayList<>(amounts.keySet());
            // 结转 first, then 年初 and 追加 in arrival order, 调减 last
            keys.sort((a, b) -> Integer.compare(order(sources.get(a)), order(sources.get(b))));
            long toAppropriate = Math.max(0, appropriated);
            long toSpend = Math.max(0, spent);
            long[] received = new long[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                Source source = sources.get(keys.get(i));
                long amount = Math.max(0, amounts.get(keys.get(i))[0]);
                if (source == Source.CARRIED) {
                    received[i] = amount;
                } else if (source != Source.REDUCTION) {
                    received[i] = Math.min(amount, toAppropriate);
                    toAppropriate -= received[i];
                }
            }
            List<Indicator> indicators = new ArrayList<>();
            long[] used = new long[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                used[i] = Math.min(received[i], toSpend);
                toSpend -= used[i];
            }
            long unbudgetedSpent = Math.min(toAppropriate, toSpend);
            toSpend -= unbudgetedSpent;
            if (toSpend > 0 && keys.size() > 0) {
                used[keys.size() - 1] += toSpend; // only with negative figures from reversals
                toSpend = 0;
            }
            long total = 0;
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                long amount = amounts.get(key)[0];
                total = Math.addExact(total, amount);
                indicators.add(
                        new Indicator(
                                sources.get(key),
                                key.substring(key.indexOf('\u0000') + 1),
                                amount,
                                received[i],
                                used[i],
                                List.copyOf(events.get(key))));
            }
            if (toAppropriate > 0 || toSpend > 0) {
                indicators.add(
                        new Indicator(
                                Source.NONE,
                                "无指标",
                                toAppropriate,
                                toAppropriate,
                                unbudgetedSpent + toSpend,
                                List.copyOf(appropriationEvents)));
                total = Math.addExact(total, toAppropriate);
            }
            long carried =
                    indicators.stream()
                            .filter(i -> i.source() == Source.CARRIED)
                            .mapToLong(Indicator::amountFen)
                            .sum();
            return new Line(
                    account,
                    indicators,
                    total,
                    Math.addExact(carried, appropriated),
                    spent,
                    List.copyOf(appropriationEvents),
                    List.copyOf(spendingEvents));
        }

        private static int order(Source source) {
            return switch (source) {
                case CARRIED -> 0;
                case INITIAL -> 1;
                case SUPPLEMENT -> 2;
                default -> 3;
            };
        }
    }
}
