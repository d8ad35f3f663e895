package ledger.api.department;

import java.util.List;
import ledger.core.department.DepartmentUnit;
import ledger.core.department.DepartmentsRegistered;

/** The registered departments written out, the same for the command line, the API and the page. */
public final class DepartmentListing {

    private DepartmentListing() {}

    /**
     * Every registration, or those in force in {@code year}; of one department when {@code
     * department} is set.
     */
    public static List<DepartmentUnit> select(
            ledger.core.department.DepartmentRegister register, Integer year, String department) {
        List<DepartmentUnit> units;
        if (year == null) {
            units = register.all();
        } else {
            ledger.core.account.FiscalYear fiscalYear = ledger.core.account.FiscalYear.of(year);
            units = new java.util.ArrayList<>();
            for (String code : register.departments(fiscalYear).keySet()) {
                units.addAll(register.unitsOf(code, fiscalYear));
            }
        }
        return department == null
                ? units
                : units.stream().filter(u -> u.department().equals(department)).toList();
    }

    /**
     * The units of a {@link #tsv} listing, read back (the command line lists what a server
     * answered).
     */
    public static List<DepartmentUnit> fromTsv(String tsv) {
        List<DepartmentUnit> units = new java.util.ArrayList<>();
        String[] lines = tsv.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t", -1);
            if (f.length < 7) {
                continue;
            }
            units.add(
                    new DepartmentUnit(
                            f[0],
                            f[1],
                            ledger.core.account.UnitCode.of(f[2]),
                            f[3],
                            ledger.core.department.UnitKind.parse(f[4]),
                            f[5].isEmpty() ? null : ledger.core.account.UnitCode.of(f[5]),
                            ledger.core.account.FiscalYear.of(Integer.parseInt(f[6]))));
        }
        return units;
    }

    /**
     * One registration a line, under a header line: the columns of the file it can be registered
     * from.
     */
    public static String tsv(List<DepartmentUnit> units) {
        StringBuilder text =
                new StringBuilder(
                        "department\tdepartment_name\tunit\tunit_name\tkind\tparent\tfrom_year\n");
        for (DepartmentUnit u : units) {
            text.append(u.department())
                    .append('\t')
                    .append(u.departmentName())
                    .append('\t')
                    .append(u.unit())
                    .append('\t')
                    .append(u.unitName())
                    .append('\t')
                    .append(u.kind().chineseName())
                    .append('\t')
                    .append(u.parent() == null ? "" : u.parent().code())
                    .append('\t')
                    .append(u.fromYear())
                    .append('\n');
        }
        return text.toString();
    }

    /** For people: each department, then its units indented under their parents' lines. */
    public static String text(List<DepartmentUnit> units) {
        if (units.isEmpty()) {
            return "尚未登记任何部门；用 ledger department register 文件 登记 (no department registered)\n";
        }
        StringBuilder text = new StringBuilder();
        String current = null;
        for (DepartmentUnit u : units) {
            if (!u.department().equals(current)) {
                current = u.department();
                text.append(current).append("  ").append(u.departmentName()).append('\n');
            }
            text.append("  ")
                    .append(u.fromYear())
                    .append(" 年起  ")
                    .append(u.unit())
                    .append("  ")
                    .append(u.unitName())
                    .append("  ")
                    .append(u.kind().chineseName())
                    .append("  ")
                    .append(u.parent() == null ? "本级" : "下属单位，上级 " + u.parent())
                    .append('\n');
        }
        return text.toString();
    }

    /** What a registration did, in one line. */
    public static String summary(DepartmentsRegistered registered) {
        if (registered.units().isEmpty()) {
            return "部门文件 "
                    + registered.source()
                    + " 的各行均已登记，未作改动 (every line was already registered;"
                    + " nothing changed)";
        }
        long departments =
                registered.units().stream().map(DepartmentUnit::department).distinct().count();
        return "已登记 "
                + registered.source()
                + "："
                + departments
                + " 个部门的 "
                + registered.units().size()
                + " 个单位 (registered "
                + registered.units().size()
                + " units of "
                + departments
                + " departments)";
    }
}
