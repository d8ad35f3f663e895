package ledger.projections.statement;

import static ledger.core.classification.ExpenditureNature.PERSONNEL;
import static ledger.core.classification.FundSource.GENERAL;
import static ledger.projections.statement.PostingFixtures.appropriation;
import static ledger.projections.statement.PostingFixtures.compute;
import static ledger.projections.statement.PostingFixtures.expenditure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Goal: the JSON form is exactly DOMAIN.md's, key for key and digit for digit. */
class StatementJsonTest {

    private static StatementSet tinySet() {
        return compute(
                List.of(
                        appropriation(GENERAL, "2010301", "30101", "24930300.00").build(),
                        // 4.90 yuan = 0.00049 万元: its cells print as 0.00 and are left out
                        expenditure(GENERAL, "2010301", "30101", PERSONNEL, "4.90").build()));
    }

    @Test
    void writesTheExactFormOfDomainMd() {
        String t = "\"2493.03\"";
        String expected =
                "{\"year\":2020,\"unit\":\"jianghan-gov-office\","
                        + "\"unitName\":\"武汉市江汉区人民政府办公室\",\"amountUnit\":\"万元\",\"tables\":{"
                        + "\"T1\":{\"title\":\"收入支出决算总表\",\"cells\":{\"1/1\":"
                        + t
                        + ",\"27/1\":"
                        + t
                        + ",\"30/1\":"
                        + t
                        + ",\"59/2\":"
                        + t
                        + ",\"60/2\":"
                        + t
                        + "}},"
                        + "\"T2\":{\"title\":\"收入决算表\",\"cells\":{\"total/1\":"
                        + t
                        + ",\"total/2\":"
                        + t
                        + ",\"201/1\":"
                        + t
                        + ",\"201/2\":"
                        + t
                        + ",\"20103/1\":"
                        + t
                        + ",\"20103/2\":"
                        + t
                        + ",\"2010301/1\":"
                        + t
                        + ",\"2010301/2\":"
                        + t
                        + "}},"
                        + "\"T3\":{\"title\":\"支出决算表\",\"cells\":{}},"
                        + "\"T4\":{\"title\":\"财政拨款收入支出决算总表\",\"cells\":{\"1/1\":"
                        + t
                        + ",\"27/1\":"
                        + t
                        + ",\"32/1\":"
                        + t
                        + ",\"60/2\":"
                        + t
                        + ",\"60/3\":"
                        + t
                        + ",\"61/2\":"
                        + t
                        + ",\"61/3\":"
                        + t
                        + ",\"64/2\":"
                        + t
                        + ",\"64/3\":"
                        + t
                        + "}},"
                        + "\"T5\":{\"title\":\"一般公共预算财政拨款支出决算表\",\"cells\":{}},"
                        + "\"T6\":{\"title\":\"一般公共预算财政拨款基本支出决算表\",\"cells\":{}},"
                        + "\"T7\":{\"title\":\"一般公共预算财政拨款“三公”经费支出决算表\",\"cells\":{}},"
                        + "\"T8\":{\"title\":\"政府性基金预算财政拨款收入支出决算表\",\"cells\":{}},"
                        + "\"T9\":{\"title\":\"国有资本经营预算财政拨款支出决算表\",\"cells\":{}}}}";

        assertThat(StatementJson.write(tinySet())).isEqualTo(expected);
    }

    @Test
    void valuesAlwaysHaveTwoDecimals() {
        StatementSet set =
                compute(
                        List.of(
                                appropriation(GENERAL, "2010301", "30101", "1000000.00").build(),
                                appropriation(GENERAL, "2010302", "30101", "1500.00").build()));

        String json = StatementJson.write(set);

        assertThat(json)
                .contains(
                        "\"2010301/1\":\"100.00\"", "\"2010302/1\":\"0.15\"", "\"1/1\":\"100.15\"");
    }

    @Test
    void prettyFormHoldsTheSameTree() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        StatementSet set = tinySet();

        assertThat(mapper.readTree(StatementJson.writePretty(set)))
                .isEqualTo(mapper.readTree(StatementJson.write(set)));
        assertThat(StatementJson.writePretty(set)).contains("\n  \"tables\"");
    }
}
