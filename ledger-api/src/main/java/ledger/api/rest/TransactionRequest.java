package ledger.api.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.EnumMap;
import java.util.Map;
import ledger.journal.JournalColumn;

/**
 * One transaction as JSON, with the journal's field names. Values are strings, as in a journal row;
 * {@code amount} is yuan with at most two decimals ({@code "1304200.00"}).
 */
@Schema(
        description =
                "One transaction, field names and rules as in a journal row (DOMAIN.md, 'The journal')")
public record TransactionRequest(
        @Schema(
                        description = "client transaction id, unique within unit and year",
                        example = "JH2020-9001")
                String id,
        @Schema(description = "yyyy-mm-dd; fixes the fiscal year", example = "2020-12-20")
                String date,
        @Schema(description = ApiDocumentation.KIND_DESCRIPTION, example = "expenditure")
                String kind,
        @Schema(example = "jianghan-gov-office") String unit,
        @Schema(description = "name of a unit seen for the first time") String unit_name,
        @Schema(
                        description =
                                "general | gov-fund | soe-capital | superior | business | operating | affiliated | other",
                        example = "general")
                String fund,
        @Schema(description = "功能分类 项, 7 digits", example = "2010302") String functional,
        @Schema(description = "经济分类 款, 5 digits", example = "30201") String economic,
        @Schema(
                        description =
                                "expenditures: personnel | public | project | remit | business-op | subsidy;"
                                        + " transfers: subsidy | remit",
                        example = "project")
                String nature,
        @Schema(description = "project code, for nature project", example = "JH2020-P01")
                String project,
        @Schema(description = "name of a project seen for the first time") String project_name,
        @Schema(description = "yuan, positive, at most two decimals", example = "1200.00")
                String amount,
        @Schema(example = "记-2020-12-001") String voucher,
        @Schema(example = "调研资料印刷") String memo,
        @Schema(description = "reversals: the id of the transaction undone") String reverses,
        @Schema(description = "goods | services | works, for a government purchase")
                String procurement,
        @Schema(description = "true when a small or medium enterprise won the purchase") String sme,
        @Schema(
                        description = "budget rows: the 指标文号 or 指标 id (at most 64 characters)",
                        example = "江财预〔2020〕1号")
                String indicator,
        @Schema(
                        description =
                                "transfers: the unit of the same department that receives it (at most 64"
                                        + " characters)")
                String to_unit) {

    public Map<JournalColumn, String> fields() {
        Map<JournalColumn, String> fields = new EnumMap<>(JournalColumn.class);
        put(fields, JournalColumn.ID, id);
        put(fields, JournalColumn.DATE, date);
        put(fields, JournalColumn.KIND, kind);
        put(fields, JournalColumn.UNIT, unit);
        put(fields, JournalColumn.UNIT_NAME, unit_name);
        put(fields, JournalColumn.FUND, fund);
        put(fields, JournalColumn.FUNCTIONAL, functional);
        put(fields, JournalColumn.ECONOMIC, economic);
        put(fields, JournalColumn.NATURE, nature);
        put(fields, JournalColumn.PROJECT, project);
        put(fields, JournalColumn.PROJECT_NAME, project_name);
        put(fields, JournalColumn.AMOUNT, amount);
        put(fields, JournalColumn.VOUCHER, voucher);
        put(fields, JournalColumn.MEMO, memo);
        put(fields, JournalColumn.REVERSES, reverses);
        put(fields, JournalColumn.PROCUREMENT, procurement);
        put(fields, JournalColumn.SME, sme);
        put(fields, JournalColumn.INDICATOR, indicator);
        put(fields, JournalColumn.TO_UNIT, to_unit);
        return fields;
    }

    private static void put(Map<JournalColumn, String> fields, JournalColumn column, String value) {
        if (value != null) {
            fields.put(column, value);
        }
    }
}
