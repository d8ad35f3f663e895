package ledger.core.catalog;

/**
 * One row of a 科目表 file as typed, before it is checked.
 *
 * @param line the line (CSV) or row (xlsx) number the user sees
 * @param classification the classification column's text; empty when the file has none
 */
public record CatalogLine(int line, String classification, String code, String name) {

    public CatalogLine {
        classification = classification == null ? "" : classification.strip();
        code = code == null ? "" : code.strip();
        name = name == null ? "" : name.strip();
    }
}
