package ledger.reportreader;

/**
 * A table's heading as printed: its number (表 n), its title, the fiscal year in the title and the
 * unit named on its 部门/单位 line (empty when the table prints none).
 */
public record TableHeading(int table, String title, int year, String unitName, ReportLine source) {}
