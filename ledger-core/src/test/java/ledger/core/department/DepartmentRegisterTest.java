package ledger.core.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.journal.JournalProblem;
import org.junit.jupiter.api.Test;

/**
 * What a department file must be to be registered (all of it or nothing, every bad line named), and
 * what the registrations answer year by year: a unit's department, its kind, a department's units.
 */
class DepartmentRegisterTest {

    private static final List<DepartmentLine> STREET =
            List.of(
                    new DepartmentLine(
                            2, "street", "某街道", "street-office", "街道办事处", "行政单位", "", "2020"),
                    new DepartmentLine(
                            3,
                            "street",
                            "某街道",
                            "street-enforcement",
                            "综合行政执法队",
                            "参公单位",
                            "street-office",
                            "2020"),
                    new DepartmentLine(
                            4,
                            "street",
                            "某街道",
                            "street-service",
                            "社区事务受理服务中心",
                            "事业单位",
                            "street-office",
                            "2020"));

    private static DepartmentRegister registered(List<DepartmentLine> lines) {
        DepartmentRegister.Decision decision =
                DepartmentRegister.empty().check(lines, "street.csv");
        assertThat(decision.problems()).isEmpty();
        return new DepartmentRegister(List.of(decision.registered()));
    }

    @Test
    void aRegisteredDepartmentAnswersItsUnitsKindsAndParentsFromItsFirstYearOn() {
        DepartmentRegister register = registered(STREET);
        FiscalYear y2021 = FiscalYear.of(2021);
        assertThat(register.unitsOf("street", y2021))
                .extracting(u -> u.unit().code())
                .containsExactly("street-office", "street-enforcement", "street-service");
        assertThat(register.kindOf(UnitCode.of("street-service"), y2021))
                .isEqualTo(UnitKind.INSTITUTION);
        assertThat(register.kindOf(UnitCode.of("street-enforcement"), y2021))
                .isEqualTo(UnitKind.CIVIL_SERVICE_MANAGED);
        assertThat(register.departmentOf(UnitCode.of("street-service"), y2021)).contains("street");
        assertThat(register.membership(UnitCode.of("street-service"), y2021).orElseThrow().parent())
                .isEqualTo(UnitCode.of("street-office"));
        assertThat(register.unitsOf("street", FiscalYear.of(2019))).isEmpty();
        assertThat(register.kindOf(UnitCode.of("elsewhere"), y2021))
                .isEqualTo(UnitKind.ADMINISTRATIVE);
        assertThat(UnitRegistry.NONE.kindOf(UnitCode.of("street-service"), y2021))
                .isEqualTo(UnitKind.ADMINISTRATIVE);
    }

    @Test
    void aUnitThatMovesToAnotherDepartmentBelongsToEachInItsOwnYears() {
        DepartmentRegister register = registered(STREET);
        var moved =
                register.check(
                        List.of(
                                new DepartmentLine(
                                        2,
                                        "culture",
                                        "文化局",
                                        "culture-office",
                                        "文化局本级",
                                        "行政单位",
                                        "",
                                        "2022"),
                                new DepartmentLine(
                                        3,
                                        "culture",
                                        "文化局",
                                        "street-service",
                                        "文化服务中心",
                                        "事业单位",
                                        "culture-office",
                                        "2022")),
                        "move.csv");
        assertThat(moved.problems()).isEmpty();
        DepartmentRegister after =
                new DepartmentRegister(
                        List.of(register.registrations().get(0), moved.registered()));
        assertThat(after.departmentOf(UnitCode.of("street-service"), FiscalYear.of(2021)))
                .contains("street");
        assertThat(after.departmentOf(UnitCode.of("street-service"), FiscalYear.of(2022)))
                .contains("culture");
        assertThat(after.unitsOf("street", FiscalYear.of(2022))).hasSize(2);
    }

    @Test
    void theSameFileAgainChangesNothing() {
        DepartmentRegister register = registered(STREET);
        var again = register.check(STREET, "street.csv");
        assertThat(again.ok()).isTrue();
        assertThat(again.registered().units()).isEmpty();
    }

    @Test
    void aUnitRegisteredTwiceForOneYearIsRefusedNamingTheLine() {
        List<DepartmentLine> lines = new ArrayList<>(STREET);
        lines.add(
                new DepartmentLine(
                        5,
                        "street",
                        "某街道",
                        "street-service",
                        "社区事务受理服务中心",
                        "事业单位",
                        "street-office",
                        "2020"));
        assertThat(DepartmentRegister.empty().check(lines, "f").problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.line()).isEqualTo(5);
                            assertThat(p.column()).isEqualTo("unit");
                            assertThat(p.reason())
                                    .contains("单位 street-service 在 2020 年已于第 4 行登记，不能登记两次");
                        });
    }

    @Test
    void aUnitInTwoDepartmentsInOneYearIsRefused() {
        List<DepartmentLine> lines = new ArrayList<>(STREET);
        lines.add(
                new DepartmentLine(
                        5, "culture", "文化局", "culture-office", "文化局", "行政单位", "", "2020"));
        lines.add(
                new DepartmentLine(
                        6,
                        "culture",
                        "文化局",
                        "street-service",
                        "中心",
                        "事业单位",
                        "culture-office",
                        "2020"));
        assertThat(DepartmentRegister.empty().check(lines, "f").problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("同一年只能属于一个部门"));
        DepartmentRegister register = registered(STREET);
        var later =
                register.check(
                        List.of(
                                new DepartmentLine(
                                        2,
                                        "street",
                                        "某街道",
                                        "street-service",
                                        "中心",
                                        "行政单位",
                                        "street-office",
                                        "2020")),
                        "again.csv");
        assertThat(later.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.line()).isEqualTo(2);
                            assertThat(p.reason()).contains("自 2020 年起已登记为部门 street 的下属单位（事业单位）");
                        });
    }

    @Test
    void aCycleOfParentLinksIsRefusedNamingTheUnits() {
        List<JournalProblem> problems =
                DepartmentRegister.empty()
                        .check(
                                List.of(
                                        new DepartmentLine(
                                                2, "loop", "环", "a", "", "行政单位", "b", "2020"),
                                        new DepartmentLine(
                                                3, "loop", "环", "b", "", "行政单位", "c", "2020"),
                                        new DepartmentLine(
                                                4, "loop", "环", "c", "", "行政单位", "a", "2020")),
                                "loop.csv")
                        .problems();
        assertThat(problems)
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.column()).isEqualTo("parent");
                            assertThat(p.reason()).contains("上级单位形成循环：a → b → c → a");
                        });
    }

    @Test
    void aParentOutsideTheDepartmentAnUnknownKindAndABadYearAreEachNamed() {
        List<JournalProblem> problems =
                DepartmentRegister.empty()
                        .check(
                                List.of(
                                        new DepartmentLine(
                                                2, "d", "部门", "top", "", "行政单位", "", "2020"),
                                        new DepartmentLine(
                                                3, "d", "部门", "sub", "", "企业", "top", "2020"),
                                        new DepartmentLine(
                                                4, "d", "部门", "other", "", "事业单位", "nowhere",
                                                "2020"),
                                        new DepartmentLine(
                                                5, "d", "部门", "late", "", "事业单位", "top", "二〇二〇")),
                                "bad.csv")
                        .problems();
        assertThat(problems)
                .extracting(p -> p.line() + " " + p.column())
                .containsExactlyInAnyOrder("3 kind", "5 from_year");
        assertThat(problems.get(0).reason()).contains("单位性质须为 行政单位、事业单位 或 参公单位，不是 企业");
        // English from the same catalog, for an API client that asks for it.
        assertThat(problems)
                .extracting(p -> p.reason(java.util.Locale.ENGLISH))
                .containsExactlyInAnyOrder(
                        "kind must be 行政单位 (administrative), 事业单位 (institution) or 参公单位"
                                + " (civil-service-managed), not 企业",
                        "from_year must be a year between 2000 and 2100, not 二〇二〇");
        List<JournalProblem> parent =
                DepartmentRegister.empty()
                        .check(
                                List.of(
                                        new DepartmentLine(
                                                2, "d", "部门", "top", "", "行政单位", "", "2020"),
                                        new DepartmentLine(
                                                4, "d", "部门", "other", "", "事业单位", "nowhere",
                                                "2020")),
                                "bad.csv")
                        .problems();
        assertThat(parent)
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.line()).isEqualTo(4);
                            assertThat(p.reason()).contains("上级单位 nowhere 在 2020 年不是部门 d 的单位");
                            assertThat(p.reason(java.util.Locale.ENGLISH))
                                    .isEqualTo(
                                            "parent nowhere is not a unit of department d in 2020");
                        });
    }

    @Test
    void kindsAreReadInChineseOrEnglishIncludingTheLongNameOf参公() {
        assertThat(UnitKind.parse("参照公务员法管理")).isEqualTo(UnitKind.CIVIL_SERVICE_MANAGED);
        assertThat(UnitKind.parse("institution")).isEqualTo(UnitKind.INSTITUTION);
    }
}
