package ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import ledger.core.account.AccountKey;
import ledger.core.account.Entry;
import ledger.core.account.FiscalYear;
import ledger.core.account.InitialBudgetSet;
import ledger.core.catalog.CatalogLoaded;
import ledger.core.classification.CatalogEntry;
import ledger.core.classification.Classification;
import ledger.core.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Goal: events stored before a field existed still read, and new events read back as written, with
 * the event serializer's own mapper.
 */
class StoredEventCompatibilityTest {

    private final ObjectMapper json = AxonStorageConfiguration.eventObjectMapper();

    @Test
    void aBudgetStoredBeforeIndicatorsExistedReadsWithNoIndicator() throws Exception {
        InitialBudgetSet written =
                new InitialBudgetSet(
                        AccountKey.parse("2020/u1/general/2010301/30101"),
                        new Entry(
                                ledger.core.account.TransactionId.of("b1"),
                                LocalDate.of(2020, 1, 2),
                                "v",
                                "m"),
                        Money.ofFen(100_00),
                        "江财预〔2020〕1号");
        String now = json.writeValueAsString(written);
        assertThat(now).contains("\"indicator\":\"江财预〔2020〕1号\"");
        assertThat(json.readValue(now, InitialBudgetSet.class)).isEqualTo(written);

        String before = now.replace(",\"indicator\":\"江财预〔2020〕1号\"", "");
        assertThat(before).doesNotContain("indicator");
        InitialBudgetSet old = json.readValue(before, InitialBudgetSet.class);
        assertThat(old.indicator()).isEmpty();
        assertThat(old.amount()).isEqualTo(written.amount());
    }

    @Test
    void aCatalogLoadReadsBackAsWritten() throws Exception {
        CatalogLoaded loaded =
                new CatalogLoaded(
                        FiscalYear.of(2024),
                        List.of(new CatalogEntry(Classification.FUNCTIONAL, "2010601", "行政运行")),
                        "km.csv");
        assertThat(json.readValue(json.writeValueAsString(loaded), CatalogLoaded.class))
                .isEqualTo(loaded);
    }

    @Test
    void aDepartmentRegistrationAndBothLegsOfATransferReadBackAsWritten() throws Exception {
        var registered =
                new ledger.core.department.DepartmentsRegistered(
                        List.of(
                                new ledger.core.department.DepartmentUnit(
                                        "street",
                                        "某街道",
                                        ledger.core.account.UnitCode.of("top"),
                                        "本级",
                                        ledger.core.department.UnitKind.CIVIL_SERVICE_MANAGED,
                                        null,
                                        FiscalYear.of(2020)),
                                new ledger.core.department.DepartmentUnit(
                                        "street",
                                        "某街道",
                                        ledger.core.account.UnitCode.of("sub"),
                                        "中心",
                                        ledger.core.department.UnitKind.INSTITUTION,
                                        ledger.core.account.UnitCode.of("top"),
                                        FiscalYear.of(2021))),
                        "d.csv");
        String written = json.writeValueAsString(registered);
        assertThat(written).contains("\"kind\":\"civil-service-managed\"", "\"parent\":\"top\"");
        assertThat(json.readValue(written, ledger.core.department.DepartmentsRegistered.class))
                .isEqualTo(registered);
        Entry entry =
                new Entry(
                        ledger.core.account.TransactionId.of("t1"),
                        LocalDate.of(2020, 3, 1),
                        "v",
                        "m");
        var paid =
                new ledger.core.account.TransferPaid(
                        AccountKey.parse("2020/top/other/2010302/30299"),
                        entry,
                        Money.ofFen(100_00),
                        ledger.core.account.Spending.of(
                                ledger.core.classification.ExpenditureNature.SUBSIDY),
                        ledger.core.account.UnitCode.of("sub"));
        assertThat(
                        json.readValue(
                                json.writeValueAsString(paid),
                                ledger.core.account.TransferPaid.class))
                .isEqualTo(paid);
        var received =
                new ledger.core.account.TransferReceived(
                        AccountKey.parse("2020/sub/superior/2010302/30299"),
                        entry,
                        Money.ofFen(100_00),
                        ledger.core.account.UnitCode.of("top"));
        assertThat(
                        json.readValue(
                                json.writeValueAsString(received),
                                ledger.core.account.TransferReceived.class))
                .isEqualTo(received);
    }
}
