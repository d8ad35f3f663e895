package ledger.core.catalog;

/** Why one line of a 科目表 file is refused (line 0: the file as a whole). */
public record CatalogProblem(int line, String field, String reason) {

    @Override
    public String toString() {
        return (line > 0 ? "第 " + line + " 行 (line " + line + "), " : "") + field + ": " + reason;
    }
}
