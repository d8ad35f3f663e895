package ledger.projections.explanation;

import java.util.Optional;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.NamedCell;

/**
 * The previous year's figures the 情况说明 compares with, each the statement cell it is in a ledger's
 * statements, and the key that names it in a prior-year figures file.
 */
public enum PriorYearKey {
    TOTAL_INCOME_EXPENDITURE("total-income-expenditure", "收、支总计（表1 第30行）", NamedCell.TOTAL_INCOME),
    FISCAL_INCOME_EXPENDITURE(
            "fiscal-income-expenditure", "财政拨款收、支总计（表4 第32行）", NamedCell.FISCAL_TOTAL_INCOME),
    GENERAL_EXPENDITURE(
            "general-expenditure", "一般公共预算财政拨款支出（表5 合计）", NamedCell.GENERAL_EXPENDITURE),
    THREE_PUBLIC_COSTS("three-public-costs", "“三公”经费支出决算（表7 第7栏）", NamedCell.THREE_PUBLIC),
    THREE_PUBLIC_ABROAD("three-public-costs/abroad", "因公出国(境)费支出决算（表7 第8栏）", NamedCell.ABROAD),
    THREE_PUBLIC_VEHICLES(
            "three-public-costs/vehicles", "公务用车购置及运行费支出决算（表7 第9栏）", NamedCell.VEHICLES),
    THREE_PUBLIC_RECEPTION(
            "three-public-costs/reception", "公务接待费支出决算（表7 第12栏）", NamedCell.RECEPTION),
    RUNNING_COSTS("running-costs", "机关运行经费（表6 公用经费合计）", NamedCell.PUBLIC_COSTS);

    private final String key;
    private final String label;
    private final CellAddress cell;
    private final NamedCell named;

    PriorYearKey(String key, String label, NamedCell cell) {
        this.key = key;
        this.label = label;
        this.cell = cell.address();
        this.named = cell;
    }

    /** The name in a prior-year figures file: {@code three-public-costs/abroad}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The named cell the figure is, wherever a year's template puts it. */
    public NamedCell namedCell() {
        return named;
    }

    /** Where the figure is in 2020-format statements. */
    public CellAddress cell() {
        return cell;
    }

    public static Optional<PriorYearKey> of(String key) {
        for (PriorYearKey candidate : values()) {
            if (candidate.key.equals(key)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
