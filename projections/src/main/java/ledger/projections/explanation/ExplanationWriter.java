package ledger.projections.explanation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import ledger.core.account.ProjectCode;
import ledger.core.account.TransactionKind;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FundSource;
import ledger.core.money.Money;
import ledger.projections.posting.Posting;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.ExplanationPart;
import ledger.projections.statement.StatementSet;

/**
 * Writes one 情况说明 section by section, keeping every figure it states by key and every sum of shown
 * parts it relies on. Each section is a class of its own ({@link TotalsSection} … {@link
 * PerformanceSection}); this class holds what they share: the statements and postings they read,
 * the figures, changes and shares they state, and the paragraphs they write. The wording follows
 * the published 2020 report of 武汉市江汉区人民政府办公室; a sentence whose subject the ledger lacks (no prior
 * year, no budget) says so with a blank.
 */
final class ExplanationWriter {

    /** Decimal places of a percentage. */
    static final int ONE = 1;

    static final int TWO = 2;
    static final String REASON = "主要原因";

    private final ExplanationInput input;
    private final StatementSet set;
    private final List<Posting> postings;
    private final String year;
    private final String priorYear;

    private final List<Section> sections = new ArrayList<>();
    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final Map<String, List<String>> sums = new LinkedHashMap<>();
    private final List<ExplanationFinding> notes = new ArrayList<>();

    private String number;
    private String title;
    private String chart;
    private List<Paragraph> paragraphs;

    /** Where the template puts the section being written (its number and title), or null. */
    private ExplanationPart placed;

    ExplanationWriter(ExplanationInput input, StatementSet set, List<Posting> postings) {
        this.input = input;
        this.set = set;
        this.postings = postings;
        this.year = Integer.toString(input.year().value());
        this.priorYear = Integer.toString(input.year().value() - 1);
    }

    List<Section> sections() {
        return sections;
    }

    Map<String, Figure> figures() {
        return figures;
    }

    /** Total key → the keys of the shown parts it is the sum of. */
    Map<String, List<String>> sums() {
        return sums;
    }

    List<ExplanationFinding> notes() {
        return notes;
    }

    /**
     * The sections in the order, with the numbers and titles, of the statements' template (2020:
     * thirteen sections; 2024: eleven, 十一 其他重要事项 over three sub-sections).
     */
    void writeAll() {
        Map<String, ExplanationSection> byName = new LinkedHashMap<>();
        byName.put("totals", new TotalsSection(this));
        byName.put("income", new IncomeSection(this));
        byName.put("expenditure", new ExpenditureSection(this));
        byName.put("fiscal-totals", new FiscalTotalsSection(this));
        byName.put("general-expenditure", new GeneralExpenditureSection(this));
        byName.put("basic-expenditure", new BasicExpenditureSection(this));
        byName.put("three-public-costs", new ThreePublicCostsSection(this));
        byName.put("gov-fund", new GovFundSection(this));
        byName.put("soe-capital", new SoeCapitalSection(this));
        byName.put("running-costs", new RunningCostsSection(this));
        byName.put("procurement", new ProcurementSection(this));
        byName.put("assets", new AssetsSection(this));
        byName.put("performance", new PerformanceSection(this));
        byName.put("performance-management", new PerformanceManagementSection(this));
        List<ExplanationPart> parts = set.template().explanation();
        if (parts.isEmpty()) {
            byName.remove("performance-management");
            byName.values().forEach(ExplanationSection::write);
        }
        for (ExplanationPart part : parts) {
            if (part.section() == null) {
                begin(part.number(), part.title(), "");
                continue;
            }
            placed = part;
            byName.get(part.section()).write();
            placed = null;
        }
        finishSection();
    }

    // what the sections read
    // ------------------------------------------------------------------------

    ExplanationInput input() {
        return input;
    }

    StatementSet set() {
        return set;
    }

    List<Posting> postings() {
        return postings;
    }

    /** The year written about, as the text says it: {@code 2020}. */
    String year() {
        return year;
    }

    String priorYear() {
        return priorYear;
    }

    /** A figure an earlier section stated, or null. */
    Figure figure(String key) {
        return figures.get(key);
    }

    /** 一般公共预算 project spending by project, in project-code order. */
    Map<ProjectCode, Long> generalProjects() {
        Map<ProjectCode, Long> byProject = new TreeMap<>();
        for (Posting posting : postings) {
            if (posting.kind() == TransactionKind.EXPENDITURE
                    && posting.account().fund() == FundSource.GENERAL
                    && posting.nature() == ExpenditureNature.PROJECT
                    && posting.project() != null) {
                byProject.merge(posting.project(), posting.amountFen(), Math::addExact);
            }
        }
        byProject.values().removeIf(fen -> fen == 0);
        return byProject;
    }

    // figures, changes and shares
    // ------------------------------------------------------------------

    /**
     * The magnitude and direction of a change on last year, or a blank when last year is unknown.
     */
    static final class Change {
        final List<Object> parts;
        final boolean changed;
        final String verb;

        Change(List<Object> parts, boolean changed, String verb) {
            this.parts = parts;
            this.changed = changed;
            this.verb = verb;
        }

        /** “主要原因是【…】。” when there is a change to explain. */
        List<Object> reason() {
            return changed ? List.of(REASON + "是", Fragment.blank(REASON), "。") : List.of();
        }
    }

    Change change(String prefix, String label, long nowFen, PriorYearKey key, int scale) {
        Optional<Money> prior = input.prior().value(key);
        if (prior.isEmpty()) {
            return new Change(
                    List.of(blank("增减（" + priorYear + " 年度" + label + "缺失，请导入上年账簿或上年数文件）")),
                    false,
                    "");
        }
        long priorFen = prior.get().fen();
        long difference = Math.subtractExact(nowFen, priorFen);
        if (difference == 0) {
            return new Change(List.of("持平"), false, "持平");
        }
        String verb = difference > 0 ? "增加" : "减少";
        Figure amount =
                amount(prefix + ".change", label + "比上年" + verb, Math.abs(difference), null);
        List<Object> parts = new ArrayList<>(List.of(verb + " ", amount, " 万元"));
        if (priorFen != 0) {
            Figure percent =
                    percent(
                            prefix + ".change-percent",
                            label + "比上年" + (difference > 0 ? "增长" : "下降"),
                            Math.abs(difference),
                            Math.abs(priorFen),
                            scale);
            parts.addAll(List.of("，" + (difference > 0 ? "增长 " : "下降 "), percent));
        } else {
            parts.add("（上年为 0）");
        }
        return new Change(parts, true, verb);
    }

    List<Object> shareOf(String key, String label, Figure part, Figure whole, String words) {
        return shareOf(key, label, part, whole, words, ONE);
    }

    List<Object> shareOf(
            String key, String label, Figure part, Figure whole, String words, int scale) {
        if (whole == null || whole.amountFen() == 0) {
            return List.of();
        }
        return List.of(words, percent(key, label, part.amountFen(), whole.amountFen(), scale));
    }

    /** “，完成年初预算的 102.6%”; nothing without a budget. */
    List<Object> completion(String key, String label, Figure actual, Figure budget) {
        if (budget.amountFen() == 0) {
            return List.of();
        }
        return List.of(
                "，完成年初预算的 ", percent(key, label, actual.amountFen(), budget.amountFen(), ONE));
    }

    Figure cellAmount(String key, String label, CellAddress address) {
        return amount(key, label, set.fen(address), address);
    }

    Figure amount(String key, String label, long fen, CellAddress address) {
        return register(Figure.amount(key, label, fen, address));
    }

    Figure percent(String key, String label, long numerator, long denominator, int scale) {
        return register(Figure.percent(key, label, numerator, denominator, scale));
    }

    /** Keeps a figure by key; a key stated twice must be the same figure. */
    Figure register(Figure figure) {
        Figure earlier = figures.putIfAbsent(figure.key(), figure);
        if (earlier != null && !earlier.equals(figure)) {
            throw new IllegalStateException(
                    "figure "
                            + figure.key()
                            + " computed twice differently: "
                            + earlier
                            + " and "
                            + figure);
        }
        return earlier == null ? figure : earlier;
    }

    /**
     * Records that a shown total is the sum of shown parts (exactly, in fen), and notes a rounding
     * tail when the shown parts do not add up to the shown total.
     */
    void sum(String name, String label, Figure total, List<Figure> parts) {
        if (total == null || parts.size() < 2) {
            return;
        }
        long exact = 0;
        BigDecimal shown = BigDecimal.ZERO;
        for (Figure part : parts) {
            exact = Math.addExact(exact, part.amountFen());
            shown = shown.add(part.value());
        }
        if (exact != total.amountFen()) {
            throw new IllegalStateException(
                    label + ": parts " + parts + " do not add up to " + total);
        }
        sums.putIfAbsent(total.key(), parts.stream().map(Figure::key).toList());
        if (shown.compareTo(total.value()) == 0) {
            return;
        }
        String shownParts = parts.stream().map(Figure::display).collect(Collectors.joining(" + "));
        String exactParts =
                parts.stream()
                        .map(part -> part.money().toWanYuanExact().toPlainString())
                        .collect(Collectors.joining(" + "));
        notes.add(
                new ExplanationFinding(
                        ExplanationFinding.Kind.ROUNDING_TAIL,
                        name,
                        number,
                        "",
                        total.display(),
                        number
                                + " "
                                + label
                                + "：分项 "
                                + shownParts
                                + " = "
                                + Figure.thousands(shown)
                                + "，合计印 "
                                + total.display()
                                + "；各数由精确数（"
                                + exactParts
                                + " 万元）分别四舍五入，精确数之和等于合计，差额为尾差，不是错误。"));
    }

    static Fragment blank(String prompt) {
        return Fragment.blank(prompt);
    }

    // sections and paragraphs
    // ----------------------------------------------------------------------

    void begin(String sectionNumber, String sectionTitle, String sectionChart) {
        finishSection();
        number = placed == null ? sectionNumber : placed.number();
        title = placed == null ? sectionTitle : placed.title();
        chart = sectionChart;
        paragraphs = new ArrayList<>();
    }

    private void finishSection() {
        if (paragraphs != null) {
            sections.add(new Section(number, title, paragraphs, chart));
            paragraphs = null;
        }
    }

    void heading(String text) {
        paragraphs.add(new Paragraph(Paragraph.Style.HEADING, List.of(Fragment.text(text))));
    }

    void body(Object... parts) {
        paragraphs.add(new Paragraph(Paragraph.Style.BODY, fragments(List.of(parts))));
    }

    void item(Object... parts) {
        paragraphs.add(new Paragraph(Paragraph.Style.ITEM, fragments(List.of(parts))));
    }

    /** Strings become text, figures figures; lists are flattened; adjacent text is joined. */
    private static List<Fragment> fragments(Collection<?> parts) {
        List<Fragment> fragments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        flatten(parts, fragments, text);
        if (text.length() > 0) {
            fragments.add(Fragment.text(text.toString()));
        }
        return fragments;
    }

    private static void flatten(Collection<?> parts, List<Fragment> fragments, StringBuilder text) {
        for (Object part : parts) {
            if (part instanceof Collection<?> nested) {
                flatten(nested, fragments, text);
                continue;
            }
            if (part instanceof String words) {
                text.append(words);
                continue;
            }
            if (text.length() > 0) {
                fragments.add(Fragment.text(text.toString()));
                text.setLength(0);
            }
            if (part instanceof Figure figure) {
                fragments.add(Fragment.figure(figure));
            } else if (part instanceof Fragment fragment) {
                fragments.add(fragment);
            } else {
                throw new IllegalArgumentException("not a part of a paragraph: " + part);
            }
        }
    }
}
