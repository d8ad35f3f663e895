package ledger.projections.accounting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ledger.core.account.TransactionKind;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FundSource;
import ledger.projections.posting.Posting;

/**
 * The mapping from the ledger's money movements to 预算会计 entries (平行记账), per 政府会计制度:
 *
 * <ul>
 *   <li>拨款: 借 资金结存 / 贷 the 预算收入 of its fund (财政拨款预算收入 for the three 财政拨款 funds);
 *   <li>支出: 借 the 支出 科目 of its nature and the unit's kind / 贷 资金结存; the 明细 says 财政拨款支出, 非财政专项资金支出
 *       or 其他资金支出 and 基本支出 (人员经费 / 日常公用经费) or 项目支出;
 *   <li>年初结转和结余 and 上年结转: 借 资金结存 / 贷 财政拨款结转 or 非财政拨款结转 — 累计结转;
 *   <li>年初/追加/调减预算: budget authority, not money: no entry (the 指标 account shows them);
 *   <li>a reversal: the reversed kind's entries with negative amounts (红字冲销);
 *   <li>the year's close: see {@link #closing}.
 * </ul>
 *
 * Which 科目 is which comes from {@link BudgetChart}; this class only says how a movement splits.
 */
public final class BudgetEntries {

    private BudgetEntries() {}

    /**
     * The entries of one posting; empty for budget postings and for 年末结转 (see {@link #closing}).
     */
    public static List<BudgetEntry> of(Posting posting, UnitKind unitKind, BudgetChart chart) {
        FundSource fund = posting.account().fund();
        long amount = posting.amountFen();
        ChartAccount cash = chart.cashAccount();
        String cashDetail = cashDetail(fund, chart);
        return switch (posting.kind()) {
            case APPROPRIATION ->
                    List.of(
                            entry(posting, Side.DEBIT, cash, cashDetail, amount, false),
                            entry(
                                    posting,
                                    Side.CREDIT,
                                    chart.incomeAccount(fund),
                                    fund.chineseName(),
                                    amount,
                                    false));
            case EXPENDITURE ->
                    List.of(
                            entry(
                                    posting,
                                    Side.DEBIT,
                                    chart.expenditureAccount(unitKind, posting.nature()),
                                    spendingDetail(fund, posting.nature(), chart),
                                    amount,
                                    false),
                            entry(posting, Side.CREDIT, cash, cashDetail, amount, false));
            case OPENING, CARRY_IN ->
                    List.of(
                            entry(posting, Side.DEBIT, cash, cashDetail, amount, true),
                            entry(
                                    posting,
                                    Side.CREDIT,
                                    chart.carryAccount(fund),
                                    carryDetail("accumulated", fund, chart),
                                    amount,
                                    true));
            default -> List.of();
        };
    }

    /**
     * The closing entries of one budget line (结账), from the entries its postings made this year:
     * each 预算收入 明细 into 本年收支结转 (借 收入 / 贷 结转—本年收支结转), each 支出 明细 likewise (借 结转—本年收支结转 / 贷 支出), and
     * the net of 本年收支结转 into 累计结转. Afterwards 预算收入 and 支出 stand at zero and 累计结转 holds the line's
     * balance, the amount carried to next year.
     *
     * @param lineEntries every entry the line's postings made in the year
     * @param carryForward the line's 年末结转 posting, or null when it carried nothing
     */
    public static List<BudgetEntry> closing(
            FundSource fund,
            List<BudgetEntry> lineEntries,
            LocalDate date,
            Posting carryForward,
            BudgetChart chart) {
        Map<BudgetEntry.DetailKey, BudgetEntry> firstOf = new LinkedHashMap<>();
        Map<BudgetEntry.DetailKey, Long> net = new LinkedHashMap<>();
        for (BudgetEntry entry : lineEntries) {
            if (entry.account().isIncome() || entry.account().isExpenditure()) {
                firstOf.putIfAbsent(entry.detailKey(), entry);
                net.merge(entry.detailKey(), entry.amountFen(), Math::addExact);
            }
        }
        ChartAccount carry = chart.carryAccount(fund);
        String yearResult = carryDetail("year-result", fund, chart);
        List<BudgetEntry> closing = new ArrayList<>();
        long result = 0;
        for (Map.Entry<BudgetEntry.DetailKey, Long> each : net.entrySet()) {
            long amount = each.getValue();
            if (amount == 0) {
                continue;
            }
            BudgetEntry like = firstOf.get(each.getKey());
            boolean income = like.account().isIncome();
            Side toAccount = income ? Side.DEBIT : Side.CREDIT;
            closing.add(
                    closingEntry(
                            like,
                            toAccount,
                            like.account(),
                            like.detail(),
                            amount,
                            date,
                            carryForward));
            closing.add(
                    closingEntry(
                            like,
                            opposite(toAccount),
                            carry,
                            yearResult,
                            amount,
                            date,
                            carryForward));
            result = Math.addExact(result, income ? amount : -amount);
        }
        if (result != 0 && !closing.isEmpty()) {
            BudgetEntry like = closing.get(0);
            String accumulated = carryDetail("accumulated", fund, chart);
            Side toResult = result > 0 ? Side.DEBIT : Side.CREDIT;
            long amount = Math.abs(result);
            closing.add(
                    closingEntry(like, toResult, carry, yearResult, amount, date, carryForward));
            closing.add(
                    closingEntry(
                            like,
                            opposite(toResult),
                            carry,
                            accumulated,
                            amount,
                            date,
                            carryForward));
        }
        return closing;
    }

    private static Side opposite(Side side) {
        return side == Side.DEBIT ? Side.CREDIT : Side.DEBIT;
    }

    private static BudgetEntry entry(
            Posting posting,
            Side side,
            ChartAccount account,
            String detail,
            long amount,
            boolean opening) {
        return new BudgetEntry(
                posting.globalIndex(),
                posting.eventId(),
                posting.transactionId(),
                posting.date(),
                posting.kind(),
                side,
                account,
                detail,
                posting.account().functional(),
                posting.account().economic(),
                amount,
                opening,
                false);
    }

    private static BudgetEntry closingEntry(
            BudgetEntry like,
            Side side,
            ChartAccount account,
            String detail,
            long amount,
            LocalDate date,
            Posting carryForward) {
        return new BudgetEntry(
                carryForward == null ? 0 : carryForward.globalIndex(),
                carryForward == null ? "" : carryForward.eventId(),
                carryForward == null ? null : carryForward.transactionId(),
                date,
                TransactionKind.CARRY_FORWARD,
                side,
                account,
                detail,
                like.functional(),
                like.economic(),
                amount,
                false,
                true);
    }

    /** 资金结存's 明细: 零余额账户用款额度 for 财政拨款, 货币资金 for the rest. */
    private static String cashDetail(FundSource fund, BudgetChart chart) {
        return chart.detail(fund.isFiscalAppropriation() ? "fiscal-cash" : "other-cash");
    }

    /** 结转's 明细: 本年收支结转 or 累计结转, then the fund. */
    private static String carryDetail(String which, FundSource fund, BudgetChart chart) {
        return chart.detail(which) + "/" + fund.chineseName();
    }

    /** 支出's 明细: the money's source (财政拨款 / 非财政专项 / 其他), then 基本 or 项目 where it applies. */
    static String spendingDetail(FundSource fund, ExpenditureNature nature, BudgetChart chart) {
        String source;
        if (fund.isFiscalAppropriation()) {
            source = chart.detail("fiscal-spending");
        } else if (nature == ExpenditureNature.PROJECT) {
            source = chart.detail("special-spending");
        } else {
            source = chart.detail("other-spending");
        }
        return switch (nature) {
            case PERSONNEL -> source + "/" + chart.detail("personnel");
            case PUBLIC -> source + "/" + chart.detail("public");
            case PROJECT -> source + "/" + chart.detail("project");
            default -> source;
        };
    }
}
