package ledger.api.cli;

import java.time.LocalDate;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.statement.StatementTemplate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Which statement set: unit (or department), year, optionally a date within it, and the format
 * (template).
 */
public class StatementOptions {

    static final String TEMPLATE_HELP =
            "statement format: a built-in template (2020, 2024, 2024-26) or a template"
                    + " file (JSON); default by year: 2020 up to 2023, 2024 from 2024";

    @Option(
            names = "--year",
            descriptionKey = "statement.year",
            required = true,
            description = "fiscal year, e.g. 2020")
    int year;

    @Option(
            names = "--unit",
            descriptionKey = "statement.unit",
            description = "unit code, e.g. jianghan-gov-office")
    String unit;

    @Option(
            names = "--department",
            descriptionKey = "statement.department",
            description =
                    "department code: its units' consolidated statements"
                            + " (ledger department list)")
    String department;

    @Option(
            names = "--as-of",
            descriptionKey = "statement.as-of",
            paramLabel = "DATE",
            description = "only what is dated up to this day (yyyy-mm-dd)")
    LocalDate asOf;

    @Option(
            names = "--template",
            descriptionKey = "statement.template",
            paramLabel = "NAME|FILE",
            description = TEMPLATE_HELP)
    String template;

    public FiscalYear fiscalYear() {
        return FiscalYear.of(year);
    }

    public UnitCode unitCode() {
        return UnitCode.of(unit);
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** Whether the department's consolidated statements are asked for. */
    boolean department() {
        return department != null;
    }

    /** Exactly one of --unit and --department: a usage error (exit 2) otherwise. */
    void requireOne(CommandSpec spec) {
        if ((unit == null) == (department == null)) {
            throw Usage.error(spec, "cli.unitOrDepartment");
        }
    }

    /** A command that works on one unit only: --unit, a usage error (exit 2) without it. */
    void requireUnit(CommandSpec spec) {
        if (unit == null || department != null) {
            throw Usage.error(spec, department != null ? "cli.unitOnly" : "cli.unitMissing");
        }
    }

    /**
     * The template named (built in or a file), or the year's.
     *
     * @throws ledger.projections.statement.TemplateRefused naming what is wrong (exit 1)
     */
    public StatementTemplate template() {
        return StatementTemplate.resolve(template, year);
    }

    /**
     * The template's name for a server, which knows only its built-in ones; null for the year's.
     *
     * @throws picocli.CommandLine.ParameterException for a file (usage error, exit 2)
     */
    String remoteTemplate(picocli.CommandLine commandLine) {
        return remoteTemplate(commandLine, template);
    }

    static String remoteTemplate(picocli.CommandLine commandLine, String template) {
        if (template == null || template.isBlank()) {
            return null;
        }
        if (!StatementTemplate.BUILT_IN.contains(template.strip())) {
            throw Usage.error(
                    commandLine,
                    "cli.templateBuiltIn",
                    String.join(", ", StatementTemplate.BUILT_IN));
        }
        return template.strip();
    }
}
