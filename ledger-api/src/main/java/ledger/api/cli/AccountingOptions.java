package ledger.api.cli;

import ledger.projections.accounting.UnitKind;
import picocli.CommandLine.Option;

/** The unit's kind under 政府会计制度, until units are registered with it. */
public class AccountingOptions {

    @Option(
            names = "--unit-kind",
            descriptionKey = "accounting.unit-kind",
            paramLabel = "KIND",
            defaultValue = "administrative",
            description =
                    "administrative (行政单位, 支出 to 7101 行政支出) or institution (事业单位, 7201 事业支出);"
                            + " default ${DEFAULT-VALUE}")
    String unitKind;

    UnitKind kind() {
        return UnitKind.parse(unitKind);
    }
}
