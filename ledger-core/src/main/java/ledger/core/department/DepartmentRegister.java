package ledger.core.department;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import ledger.core.account.FiscalYear;
import ledger.core.account.Text;
import ledger.core.account.UnitCode;
import ledger.core.journal.JournalProblem;

/**
 * Every department and its units as registered, year by year: a unit's registration holds from its
 * {@code from_year} until a later registration of the same unit. Built from the {@link
 * DepartmentsRegistered} events in order.
 *
 * <p>{@link #check} decides whether a file may be registered: it is taken whole or not at all.
 */
public final class DepartmentRegister implements UnitRegistry {

    /** A district has a few hundred units; far more is not a department file. */
    public static final int MAX_LINES = 10_000;

    private record UnitYear(UnitCode unit, FiscalYear year) {}

    private final List<DepartmentsRegistered> registrations;

    /** Each unit's registrations by the year they start. */
    private final Map<UnitCode, java.util.TreeMap<FiscalYear, DepartmentUnit>> byUnit =
            new HashMap<>();

    public DepartmentRegister(List<DepartmentsRegistered> registrations) {
        this.registrations = List.copyOf(registrations);
        for (DepartmentsRegistered registered : this.registrations) {
            for (DepartmentUnit unit : registered.units()) {
                byUnit.computeIfAbsent(unit.unit(), u -> new java.util.TreeMap<>())
                        .put(unit.fromYear(), unit);
            }
        }
    }

    public static DepartmentRegister empty() {
        return new DepartmentRegister(List.of());
    }

    /** The registrations, oldest first. */
    public List<DepartmentsRegistered> registrations() {
        return registrations;
    }

    @Override
    public Optional<DepartmentUnit> membership(UnitCode unit, FiscalYear year) {
        var years = byUnit.get(unit);
        if (years == null) {
            return Optional.empty();
        }
        var entry = years.floorEntry(year);
        return entry == null ? Optional.empty() : Optional.of(entry.getValue());
    }

    @Override
    public List<DepartmentUnit> unitsOf(String department, FiscalYear year) {
        List<DepartmentUnit> units = new ArrayList<>();
        for (UnitCode unit : byUnit.keySet()) {
            membership(unit, year)
                    .filter(m -> m.department().equals(department))
                    .ifPresent(units::add);
        }
        units.sort(
                Comparator.comparing((DepartmentUnit u) -> !u.isTop())
                        .thenComparing(DepartmentUnit::unit));
        return units;
    }

    /** Every department that has units in the year, by code, with the name its 本级's line gave. */
    public Map<String, String> departments(FiscalYear year) {
        Map<String, String> names = new java.util.TreeMap<>();
        for (UnitCode unit : byUnit.keySet()) {
            membership(unit, year)
                    .ifPresent(
                            m ->
                                    names.merge(
                                            m.department(),
                                            m.departmentName(),
                                            (a, b) -> a.isEmpty() ? b : a));
        }
        return names;
    }

    /** Every registration of every unit, by unit and year, as the listing prints them. */
    public List<DepartmentUnit> all() {
        List<DepartmentUnit> all = new ArrayList<>();
        byUnit.values().forEach(years -> all.addAll(years.values()));
        all.sort(
                Comparator.comparing(DepartmentUnit::department)
                        .thenComparing(DepartmentUnit::fromYear)
                        .thenComparing((DepartmentUnit u) -> !u.isTop())
                        .thenComparing(DepartmentUnit::unit));
        return all;
    }

    /**
     * What {@link #check} decides: the event to store (possibly with no new unit), or every
     * problem.
     */
    public record Decision(DepartmentsRegistered registered, List<JournalProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks a whole file: each field well-formed; no unit registered twice for one year (in the
     * file, or differently from what was registered before); a unit in one department a year; each
     * parent a unit of the same department in every year the line covers; no cycle of parent links.
     * Registering a line again exactly as before is harmless.
     */
    public Decision check(List<DepartmentLine> lines, String source) {
        List<JournalProblem> problems = new ArrayList<>();
        if (lines.isEmpty()) {
            problems.add(new JournalProblem(0, "file", "文件中没有单位 (the file holds no units)"));
        }
        if (lines.size() > MAX_LINES) {
            problems.add(
                    new JournalProblem(
                            0,
                            "file",
                            "部门文件最多 " + MAX_LINES + " 行 (at most " + MAX_LINES + " lines)"));
            return new Decision(null, problems);
        }
        Map<UnitYear, Integer> lineOf = new LinkedHashMap<>();
        Map<UnitYear, DepartmentUnit> inFile = new LinkedHashMap<>();
        Map<String, String> departmentNames = new HashMap<>();
        for (DepartmentLine line : lines) {
            DepartmentUnit unit = parse(line, problems);
            if (unit == null) {
                continue;
            }
            String knownName =
                    departmentNames.putIfAbsent(
                            unit.department() + "/" + unit.fromYear(), unit.departmentName());
            if (knownName != null
                    && !unit.departmentName().isEmpty()
                    && !knownName.isEmpty()
                    && !knownName.equals(unit.departmentName())) {
                problems.add(
                        new JournalProblem(
                                line.line(),
                                "department_name",
                                "部门 "
                                        + unit.department()
                                        + " 在本文件中名称不一致："
                                        + knownName
                                        + " 与 "
                                        + unit.departmentName()
                                        + " (department "
                                        + unit.department()
                                        + " is named twice differently)"));
            }
            UnitYear key = new UnitYear(unit.unit(), unit.fromYear());
            Integer earlier = lineOf.putIfAbsent(key, line.line());
            if (earlier != null) {
                DepartmentUnit first = inFile.get(key);
                problems.add(
                        new JournalProblem(
                                line.line(),
                                "unit",
                                first.department().equals(unit.department())
                                        ? "单位 "
                                                + unit.unit()
                                                + " 在 "
                                                + unit.fromYear()
                                                + " 年已于第 "
                                                + earlier
                                                + " 行登记，不能登记两次"
                                                + " (unit registered twice for "
                                                + unit.fromYear()
                                                + ", first on line "
                                                + earlier
                                                + ")"
                                        : "单位 "
                                                + unit.unit()
                                                + " 在 "
                                                + unit.fromYear()
                                                + " 年已于第 "
                                                + earlier
                                                + " 行登记在部门 "
                                                + first.department()
                                                + "，同一年只能属于一个部门 (a unit belongs to one department in a"
                                                + " year; line "
                                                + earlier
                                                + " puts it in "
                                                + first.department()
                                                + ")"));
                continue;
            }
            inFile.put(key, unit);
        }
        List<DepartmentUnit> added = new ArrayList<>();
        for (var entry : inFile.entrySet()) {
            DepartmentUnit unit = entry.getValue();
            Optional<DepartmentUnit> stored =
                    Optional.ofNullable(byUnit.get(unit.unit()))
                            .map(years -> years.get(unit.fromYear()));
            if (stored.isEmpty()) {
                added.add(unit);
            } else if (!stored.get().equals(unit)) {
                problems.add(
                        new JournalProblem(
                                lineOf.get(entry.getKey()),
                                "unit",
                                "单位 "
                                        + unit.unit()
                                        + " 自 "
                                        + unit.fromYear()
                                        + " 年起已登记为部门 "
                                        + stored.get().department()
                                        + " 的"
                                        + stored.get().role()
                                        + "（"
                                        + stored.get().kind().chineseName()
                                        + "），不能再次登记为不同内容 (unit already registered"
                                        + " for "
                                        + unit.fromYear()
                                        + " with other content)"));
            }
        }
        if (!problems.isEmpty()) {
            return new Decision(null, problems);
        }
        DepartmentsRegistered registered = new DepartmentsRegistered(added, source);
        List<DepartmentsRegistered> after = new ArrayList<>(registrations);
        after.add(registered);
        new DepartmentRegister(after).checkStructure(added, lineOf, problems);
        return problems.isEmpty()
                ? new Decision(registered, List.of())
                : new Decision(null, problems);
    }

    /**
     * In every year where a membership changes from the first new line on: each parent is a unit of
     * the same department that year, and following parents never comes back to a unit.
     */
    private void checkStructure(
            List<DepartmentUnit> added,
            Map<UnitYear, Integer> lineOf,
            List<JournalProblem> problems) {
        if (added.isEmpty()) {
            return;
        }
        FiscalYear first =
                added.stream()
                        .map(DepartmentUnit::fromYear)
                        .min(Comparator.naturalOrder())
                        .orElseThrow();
        Set<FiscalYear> years = new TreeSet<>();
        byUnit.values()
                .forEach(
                        y ->
                                y.keySet().stream()
                                        .filter(year -> year.compareTo(first) >= 0)
                                        .forEach(years::add));
        Set<String> reported = new HashSet<>();
        for (FiscalYear year : years) {
            for (UnitCode unit : new TreeSet<>(byUnit.keySet())) {
                Optional<DepartmentUnit> member = membership(unit, year);
                if (member.isEmpty() || member.get().parent() == null) {
                    continue;
                }
                DepartmentUnit m = member.get();
                int line = lineOf.getOrDefault(new UnitYear(m.unit(), m.fromYear()), 0);
                Optional<DepartmentUnit> parent = membership(m.parent(), year);
                if (parent.isEmpty() || !parent.get().department().equals(m.department())) {
                    if (reported.add("parent/" + unit)) {
                        problems.add(
                                new JournalProblem(
                                        line,
                                        "parent",
                                        "上级单位 "
                                                + m.parent()
                                                + " 在 "
                                                + year
                                                + " 年不是部门 "
                                                + m.department()
                                                + " 的单位 (parent "
                                                + m.parent()
                                                + " is not a unit of "
                                                + m.department()
                                                + " in "
                                                + year
                                                + ")"));
                    }
                    continue;
                }
                List<UnitCode> path = new ArrayList<>(List.of(unit));
                Optional<DepartmentUnit> at = member;
                while (at.isPresent() && at.get().parent() != null) {
                    UnitCode next = at.get().parent();
                    if (path.contains(next)) {
                        path.add(next);
                        if (reported.add("cycle/" + new TreeSet<>(path))) {
                            problems.add(
                                    new JournalProblem(
                                            line,
                                            "parent",
                                            "上级单位形成循环："
                                                    + String.join(
                                                            " → ",
                                                            path.stream()
                                                                    .map(UnitCode::code)
                                                                    .toList())
                                                    + "（"
                                                    + year
                                                    + " 年）"
                                                    + " (the parent links form a cycle)"));
                        }
                        break;
                    }
                    path.add(next);
                    at = membership(next, year);
                }
            }
        }
    }

    private static DepartmentUnit parse(DepartmentLine line, List<JournalProblem> problems) {
        int before = problems.size();
        String department = required(line, "department", line.department(), problems);
        if (department != null && !department.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            problems.add(
                    new JournalProblem(
                            line.line(),
                            "department",
                            "部门编码须为 1–64 个小写字母、数字或连字符："
                                    + abbreviate(department)
                                    + " (department code: 1–64 lower-case letters, digits or hyphens)"));
        }
        UnitCode unit = code(line, "unit", required(line, "unit", line.unit(), problems), problems);
        String parentText = line.parent() == null ? "" : line.parent().strip();
        UnitCode parent = parentText.isEmpty() ? null : code(line, "parent", parentText, problems);
        if (unit != null && unit.equals(parent)) {
            problems.add(
                    new JournalProblem(
                            line.line(),
                            "parent",
                            "单位 " + unit + " 不能是自己的上级 (a unit cannot" + " be its own parent)"));
        }
        UnitKind kind = null;
        String kindText = required(line, "kind", line.kind(), problems);
        if (kindText != null) {
            try {
                kind = UnitKind.parse(kindText);
            } catch (IllegalArgumentException unknown) {
                problems.add(
                        new JournalProblem(
                                line.line(),
                                "kind",
                                "单位性质须为 行政单位、事业单位 或 参公单位，不是 "
                                        + abbreviate(kindText)
                                        + " (kind must be 行政单位, 事业单位 or 参公单位)"));
            }
        }
        FiscalYear fromYear = null;
        String yearText = required(line, "from_year", line.fromYear(), problems);
        if (yearText != null) {
            try {
                fromYear = FiscalYear.of(Integer.parseInt(yearText));
            } catch (IllegalArgumentException notAYear) {
                problems.add(
                        new JournalProblem(
                                line.line(),
                                "from_year",
                                "起始年度须为 "
                                        + FiscalYear.FIRST
                                        + "–"
                                        + FiscalYear.LAST
                                        + " 之间的年份，不是 "
                                        + abbreviate(yearText)
                                        + " (from_year must be a year)"));
            }
        }
        String departmentName = name(line, "department_name", line.departmentName(), problems);
        String unitName = name(line, "unit_name", line.unitName(), problems);
        if (problems.size() > before) {
            return null;
        }
        return new DepartmentUnit(
                department, departmentName, unit, unitName, kind, parent, fromYear);
    }

    private static String required(
            DepartmentLine line, String column, String value, List<JournalProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(
                    new JournalProblem(
                            line.line(), column, column + " 不能为空 (" + column + " is missing)"));
            return null;
        }
        return value.strip();
    }

    private static UnitCode code(
            DepartmentLine line, String column, String value, List<JournalProblem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return UnitCode.of(value);
        } catch (IllegalArgumentException malformed) {
            problems.add(
                    new JournalProblem(
                            line.line(),
                            column,
                            "单位编码须为 1–64 个小写字母、数字或连字符："
                                    + abbreviate(value)
                                    + " ("
                                    + malformed.getMessage()
                                    + ")"));
            return null;
        }
    }

    private static String name(
            DepartmentLine line, String column, String value, List<JournalProblem> problems) {
        try {
            return Text.clean(column, value == null ? "" : value.strip(), Text.NAME_MAX);
        } catch (IllegalArgumentException bad) {
            problems.add(new JournalProblem(line.line(), column, bad.getMessage()));
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
