package ledger.reportreader;

import ledger.projections.statement.CellAddress;

/**
 * One figure read from the report: its cell, the figure as printed (thousands separators dropped,
 * decimals kept, so {@code 0} and {@code 0.00} stay different), and the line it was printed on.
 */
public record ReadFigure(CellAddress cell, String printed, ReportLine source) {}
