package ledger.core.classification;

/** One 科目 of a 科目表: its classification, code and name as published. */
public record CatalogEntry(Classification classification, String code, String name) {

    public CatalogEntry {
        if (classification == null || code == null || name == null) {
            throw new IllegalArgumentException("classification, code and name are required");
        }
    }

    /** The 类 (3 digits) a 款, or the 款 (5 digits) a 项, belongs to; empty for a 类. */
    public java.util.Optional<String> parentCode() {
        return code.length() <= 3
                ? java.util.Optional.empty()
                : java.util.Optional.of(code.substring(0, code.length() - 2));
    }
}
