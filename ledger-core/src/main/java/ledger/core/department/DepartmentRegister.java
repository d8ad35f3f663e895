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
import ledger.core.text.FieldName;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;

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

    /** The file's columns by their Chinese names, as refusals name them. */
    public static final Map<String, String> COLUMN_NAMES =
            Map.of(
                    "department", "部门编码",
                    "department_name", "部门名称",
                    "unit", "单位编码",
                    "unit_name", "单位名称",
                    "kind", "单位性质",
                    "parent", "上级单位",
                    "from_year", "起始年度");

    /**
     * Checks a whole file: each field well-formed; no unit registered twice for one year (in the
     * file, or differently from what was registered before); a unit in one department a year; each
     * parent a unit of the same department in every year the line covers; no cycle of parent links.
     * Registering a line again exactly as before is harmless.
     */
    public Decision check(List<DepartmentLine> lines, String source) {
        List<JournalProblem> problems = new ArrayList<>();
        if (lines.isEmpty()) {
            problems.add(new JournalProblem(0, "file", Reason.of("department.empty")));
        }
        if (lines.size() > MAX_LINES) {
            problems.add(
                    new JournalProblem(0, "file", Reason.of("department.tooManyLines", MAX_LINES)));
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
                                Reason.of(
                                        "department.namedTwice",
                                        unit.department(),
                                        knownName,
                                        unit.departmentName())));
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
                                        ? Reason.of(
                                                "department.unitTwice",
                                                unit.unit(),
                                                unit.fromYear(),
                                                earlier)
                                        : Reason.of(
                                                "department.unitInTwo",
                                                unit.unit(),
                                                unit.fromYear(),
                                                earlier,
                                                first.department())));
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
                                Reason.of(
                                        "department.registeredOtherwise",
                                        unit.unit(),
                                        unit.fromYear(),
                                        stored.get().department(),
                                        stored.get().isTop()
                                                ? new FieldName("top unit", stored.get().role())
                                                : new FieldName(
                                                        "subordinate unit", stored.get().role()),
                                        stored.get().kind())));
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
                                        Reason.of(
                                                "department.parentNotMember",
                                                m.parent(),
                                                year,
                                                m.department())));
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
                                            Reason.of(
                                                    "department.cycle",
                                                    String.join(
                                                            " → ",
                                                            path.stream()
                                                                    .map(UnitCode::code)
                                                                    .toList()),
                                                    year)));
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
                            Reason.of("department.codeFormat", abbreviate(department))));
        }
        UnitCode unit = code(line, "unit", required(line, "unit", line.unit(), problems), problems);
        String parentText = line.parent() == null ? "" : line.parent().strip();
        UnitCode parent = parentText.isEmpty() ? null : code(line, "parent", parentText, problems);
        if (unit != null && unit.equals(parent)) {
            problems.add(
                    new JournalProblem(
                            line.line(), "parent", Reason.of("department.ownParent", unit)));
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
                                Reason.of("department.kind", abbreviate(kindText))));
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
                                Reason.of(
                                        "department.fromYear",
                                        FiscalYear.FIRST,
                                        FiscalYear.LAST,
                                        abbreviate(yearText))));
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
                            line.line(),
                            column,
                            Reason.of(
                                    "field.required",
                                    new FieldName(column, COLUMN_NAMES.get(column)))));
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
        } catch (Refusal malformed) {
            problems.add(new JournalProblem(line.line(), column, malformed.reason()));
            return null;
        }
    }

    private static String name(
            DepartmentLine line, String column, String value, List<JournalProblem> problems) {
        try {
            return Text.clean(column, value == null ? "" : value.strip(), Text.NAME_MAX);
        } catch (Refusal bad) {
            problems.add(new JournalProblem(line.line(), column, bad.reason()));
            return null;
        } catch (IllegalArgumentException bad) {
            problems.add(new JournalProblem(line.line(), column, bad.getMessage()));
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
