package ledger.projections.accounting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import ledger.core.money.Money;

/**
 * The 科目余额表 and the 预算指标 account as JSON. Amounts are strings in yuan with two decimals (never
 * binary floats); balances are debit-positive with their side beside them.
 */
public final class AccountingJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AccountingJson() {}

    public static ObjectNode trialBalance(
            TrialBalance balance, String unitName, List<BudgetTies.Tie> ties) {
        BudgetJournal journal = balance.journal();
        ObjectNode root = JSON.objectNode();
        root.put("year", journal.year().value());
        root.put("unit", journal.unit().code());
        root.put("unitName", unitName);
        root.put("unitKind", journal.unitKind().code());
        root.put("asOf", journal.asOf() == null ? null : journal.asOf().toString());
        root.put("closed", journal.closed());
        root.put("proFormaClosing", journal.proForma());
        root.put("amountUnit", "元");
        root.put("balanced", balance.balanced());
        ArrayNode rows = root.putArray("rows");
        for (TrialBalance.Row row : balance.rows()) {
            ObjectNode node = rows.addObject();
            node.put("code", row.account().code());
            node.put("name", row.account().name());
            if (!row.isAccount()) {
                node.put("detail", row.detail().detail());
                node.put("functional", row.detail().functional());
                node.put("economic", row.detail().economic());
                node.put("detailId", row.detail().id());
            }
            figures(node, row);
        }
        figures(root.putObject("total"), balance.total());
        if (ties != null) {
            ArrayNode tieNodes = root.putArray("ties");
            for (BudgetTies.Tie tie : ties) {
                ObjectNode node = tieNodes.addObject();
                node.put("rule", tie.rule());
                node.put("description", tie.description());
                node.put("accounts", yuan(tie.accountsFen()));
                node.put("statements", yuan(tie.statementFen()));
                node.put("holds", tie.holds());
                ArrayNode cells = node.putArray("cells");
                tie.cells().forEach(cell -> cells.add(cell.toString()));
            }
        }
        return root;
    }

    /** The entries behind a line of the 科目余额表, each naming its event. */
    public static ArrayNode entries(List<BudgetEntry> entries) {
        ArrayNode array = JSON.arrayNode();
        for (BudgetEntry entry : entries) {
            ObjectNode node = array.addObject();
            node.put("eventId", entry.eventId());
            node.put(
                    "transactionId",
                    entry.transactionId() == null ? null : entry.transactionId().value());
            node.put("date", entry.date().toString());
            node.put("kind", entry.kind().code());
            node.put("side", entry.side().chineseName());
            node.put("code", entry.account().code());
            node.put("name", entry.account().name());
            node.put("detail", entry.detail());
            node.put("functional", entry.functional() == null ? null : entry.functional().code());
            node.put("economic", entry.economic() == null ? null : entry.economic().code());
            node.put("amount", yuan(entry.amountFen()));
            node.put("opening", entry.opening());
            node.put("closing", entry.closing());
        }
        return array;
    }

    public static ObjectNode indicators(IndicatorAccount account, String unitName) {
        ObjectNode root = JSON.objectNode();
        root.put("year", account.year().value());
        root.put("unit", account.unit().code());
        root.put("unitName", unitName);
        root.put("asOf", account.asOf() == null ? null : account.asOf().toString());
        root.put("amountUnit", "元");
        ArrayNode lines = root.putArray("lines");
        for (IndicatorAccount.Line line : account.lines()) {
            ObjectNode node = lines.addObject();
            node.put("account", line.account().id());
            node.put("fund", line.account().fund().code());
            node.put("functional", line.account().functional().code());
            node.put("economic", line.account().economic().code());
            node.put("amount", yuan(line.amountFen()));
            node.put("appropriated", yuan(line.appropriatedFen()));
            node.put("spent", yuan(line.spentFen()));
            node.put("available", yuan(line.availableFen()));
            ArrayNode indicators = node.putArray("indicators");
            for (IndicatorAccount.Indicator indicator : line.indicators()) {
                ObjectNode i = indicators.addObject();
                i.put("source", indicator.source().chineseName());
                i.put("name", indicator.name());
                i.put("amount", yuan(indicator.amountFen()));
                i.put("appropriated", yuan(indicator.appropriatedFen()));
                i.put("spent", yuan(indicator.spentFen()));
                i.put("available", yuan(indicator.availableFen()));
                ArrayNode events = i.putArray("events");
                indicator.eventIds().forEach(events::add);
            }
            ArrayNode appropriations = node.putArray("appropriationEvents");
            line.appropriationEvents().forEach(appropriations::add);
            ArrayNode spending = node.putArray("spendingEvents");
            line.spendingEvents().forEach(spending::add);
        }
        ArrayNode projects = root.putArray("projects");
        for (IndicatorAccount.ProjectSpending project : account.projects()) {
            ObjectNode node = projects.addObject();
            node.put("project", project.project().code());
            node.put("spent", yuan(project.spentFen()));
            ArrayNode events = node.putArray("events");
            project.eventIds().forEach(events::add);
        }
        return root;
    }

    private static void figures(ObjectNode node, TrialBalance.Row row) {
        node.put("opening", yuan(row.openingFen()));
        node.put("debit", yuan(row.debitFen()));
        node.put("credit", yuan(row.creditFen()));
        node.put("closing", yuan(row.closingFen()));
    }

    private static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }
}
