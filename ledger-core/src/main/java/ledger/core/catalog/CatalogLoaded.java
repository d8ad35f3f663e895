package ledger.core.catalog;

import java.util.List;
import ledger.core.account.FiscalYear;
import ledger.core.classification.CatalogEntry;

/**
 * A 科目表 was loaded for a fiscal year: from then on the year accepts these codes, under these names.
 * Who loaded it and when are the event's metadata and timestamp, like every other event's.
 *
 * @param source the file's name as given, for the record
 */
public record CatalogLoaded(FiscalYear year, List<CatalogEntry> entries, String source) {

    public CatalogLoaded {
        if (year == null) {
            throw new IllegalArgumentException("year is missing");
        }
        entries = List.copyOf(entries);
        source = source == null ? "" : source;
    }

    /** The aggregate the loads of one year are stored on, in order: {@code catalog/2024}. */
    public static String aggregateId(FiscalYear year) {
        return "catalog/" + year;
    }

    public static final String AGGREGATE_TYPE = "ClassificationCatalog";
}
