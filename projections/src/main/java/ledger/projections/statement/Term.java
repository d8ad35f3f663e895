package ledger.projections.statement;

/** One part of a sum rule: a cell, added (+1) or taken away (−1). */
record Term(CellAddress cell, int sign) {

    static Term plus(CellAddress cell) {
        return new Term(cell, 1);
    }

    static Term minus(CellAddress cell) {
        return new Term(cell, -1);
    }
}
