package ledger.api.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ledger.core.account.FiscalYear;
import ledger.core.catalog.CatalogLoaded;
import ledger.core.catalog.YearCatalog;
import ledger.core.classification.CatalogEntry;
import ledger.core.classification.Classification;

/** A year's 科目表 written out, the same for the command line, the API and the page. */
public final class CatalogListing {

    private CatalogListing() {}

    /** Every 科目 of the year: 功能分类 first, then 经济分类, each in code order. */
    public static List<CatalogEntry> entries(YearCatalog catalog) {
        List<CatalogEntry> entries = new ArrayList<>();
        for (Classification classification : Classification.values()) {
            for (Map.Entry<String, String> code :
                    catalog.catalog().codes(classification).entrySet()) {
                entries.add(new CatalogEntry(classification, code.getKey(), code.getValue()));
            }
        }
        return entries;
    }

    /** One line a 科目, {@code classification<TAB>code<TAB>name}, under a header line. */
    public static String tsv(YearCatalog catalog) {
        StringBuilder text = new StringBuilder("classification\tcode\tname\n");
        for (CatalogEntry entry : entries(catalog)) {
            text.append(entry.classification().code())
                    .append('\t')
                    .append(entry.code())
                    .append('\t')
                    .append(entry.name())
                    .append('\n');
        }
        return text.toString();
    }

    /** For people: a count line, then each 科目 indented by its level. */
    public static String text(YearCatalog catalog) {
        return text(catalog.year(), entries(catalog), catalog.loads().size());
    }

    /** As {@link #text(YearCatalog)}, from the entries as the API lists them. */
    public static String text(FiscalYear year, List<CatalogEntry> entries, int loads) {
        long functional =
                entries.stream()
                        .filter(e -> e.classification() == Classification.FUNCTIONAL)
                        .count();
        StringBuilder text = new StringBuilder();
        text.append(year)
                .append(" 年科目表：功能分类 ")
                .append(functional)
                .append(" 个，经济分类 ")
                .append(entries.size() - functional)
                .append(" 个；载入 ")
                .append(loads)
                .append(" 次（其余为随附科目）\n");
        Classification current = null;
        for (CatalogEntry entry : entries) {
            if (entry.classification() != current) {
                current = entry.classification();
                text.append('\n').append(current.fullName()).append('\n');
            }
            text.append("  ".repeat((entry.code().length() - 3) / 2))
                    .append(entry.code())
                    .append("  ")
                    .append(entry.name())
                    .append('\n');
        }
        return text.toString();
    }

    /** What a load did, in one line. */
    public static String summary(CatalogLoaded loaded) {
        long functional =
                loaded.entries().stream()
                        .filter(e -> e.classification() == Classification.FUNCTIONAL)
                        .count();
        return "已载入 "
                + loaded.year()
                + " 年科目表 "
                + loaded.source()
                + "："
                + loaded.entries().size()
                + " 个科目（功能分类 "
                + functional
                + "，经济分类 "
                + (loaded.entries().size() - functional)
                + "） (loaded "
                + loaded.entries().size()
                + " codes for "
                + loaded.year()
                + ")";
    }
}
