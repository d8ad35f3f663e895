package ledger.core.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;

/** 预算年度: a calendar year. A transaction belongs to the fiscal year of its date. */
public record FiscalYear(@JsonValue int value) implements Comparable<FiscalYear> {

    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    @JsonCreator
    public FiscalYear {
        if (value < FIRST || value > LAST) {
            throw new Refusal(Reason.of("year.range", FIRST, LAST, value));
        }
    }

    public static FiscalYear of(int value) {
        return new FiscalYear(value);
    }

    public static FiscalYear of(LocalDate date) {
        return new FiscalYear(date.getYear());
    }

    public FiscalYear next() {
        return new FiscalYear(value + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(value, 1, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(value, 12, 31);
    }

    public boolean contains(LocalDate date) {
        return date.getYear() == value;
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
