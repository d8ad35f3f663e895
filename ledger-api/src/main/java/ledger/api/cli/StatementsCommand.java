package ledger.api.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import ledger.api.report.StatementWorkbook;
import ledger.api.statement.AccountingService;
import ledger.api.statement.EventStoreStatements;
import ledger.api.statement.StatementService;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.statement.StatementJson;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementTemplate;
import ledger.projections.statement.StatementText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ledger statements}: 表1–表9 of a unit and year, or of every unit of a year. */
@Command(
        name = "statements",
        description = "Print the nine tables of the 部门决算 (表1–表9) for a unit and year.")
public class StatementsCommand implements Callable<Integer> {

    enum Format {
        text,
        json,
        xlsx
    }

    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Mixin ServerOptions server;

    @Option(names = "--year", required = true, description = "fiscal year, e.g. 2020")
    int year;

    @Option(names = "--unit", description = "unit code, e.g. jianghan-gov-office (or --all-units)")
    String unit;

    @Option(
            names = "--department",
            description = "a department's consolidated statements (ledger department list)")
    String department;

    enum View {
        published,
        working
    }

    @Option(
            names = "--view",
            defaultValue = "published",
            description =
                    "with --department: published (合并, as"
                            + " printed) or working (汇总 / 抵销 / 合并 of every cell) (default ${DEFAULT-VALUE})")
    View view;

    @Option(
            names = "--all-units",
            description =
                    "every unit with postings in the year, one statement set each"
                            + " (text: one after the other; json: an array)")
    boolean allUnits;

    @Option(
            names = "--from-events",
            description =
                    "straight from the event store in one pass, without the read models"
                            + " (the statements a full replay would give; writes nothing)")
    boolean fromEvents;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "only what is dated up to this day (yyyy-mm-dd)")
    LocalDate asOf;

    @Option(
            names = "--format",
            defaultValue = "text",
            description =
                    "text, json or xlsx (a workbook, one sheet per table; needs --out) (default ${DEFAULT-VALUE})")
    Format format;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "write to FILE instead of standard output")
    Path out;

    @Option(
            names = "--template",
            paramLabel = "NAME|FILE",
            description = StatementOptions.TEMPLATE_HELP)
    String template;

    @Override
    public Integer call() throws Exception {
        if (format == Format.xlsx && out == null) {
            throw Usage.error(spec, "cli.xlsxNeedsOut");
        }
        if (department != null) {
            if (fromEvents) {
                throw Usage.error(spec, "cli.fromEventsUnits");
            }
            if (unit != null || allUnits) {
                throw Usage.error(spec, "cli.unitDepartmentOrAll");
            }
            return department();
        }
        if ((unit == null) == !allUnits) {
            throw Usage.error(spec, "cli.unitOrAll");
        }
        if (fromEvents) {
            return fromEvents();
        }
        if (allUnits && format == Format.xlsx) {
            throw Usage.error(spec, "cli.xlsxOneUnit");
        }
        if (server.remote()) {
            if (allUnits) {
                throw Usage.error(spec, "cli.allUnitsLocal");
            }
            LedgerClient client = server.client(database);
            String path =
                    LedgerClient.unitYear(unit, year, "/statements")
                            + LedgerClient.query(
                                    "format",
                                    format.name(),
                                    "asOf",
                                    asOf == null ? null : asOf.toString(),
                                    "template",
                                    StatementOptions.remoteTemplate(spec.commandLine(), template));
            if (format == Format.xlsx) {
                Files.write(out, client.get(path, LedgerClient.XLSX));
                System.err.println("wrote " + out);
            } else if (format == Format.json) {
                Object tree = LedgerClient.JSON.readTree(client.get(path, "application/json"));
                Output.write(
                        LedgerClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree),
                        out);
            } else {
                Output.write(
                        new String(
                                client.get(path, "text/plain"),
                                java.nio.charset.StandardCharsets.UTF_8),
                        out);
            }
            return 0;
        }
        StatementTemplate layout = StatementTemplate.resolve(template, year);
        return database.read(
                context -> {
                    StatementService statements = context.getBean(StatementService.class);
                    if (allUnits) {
                        writeAll(
                                statements.statementsOfEveryUnit(
                                        FiscalYear.of(year), asOf, layout));
                        return 0;
                    }
                    StatementSet set =
                            statements.statements(
                                    UnitCode.of(unit), FiscalYear.of(year), asOf, layout);
                    if (format == Format.xlsx) {
                        Files.write(
                                out,
                                StatementWorkbook.write(
                                        set,
                                        context.getBean(AccountingService.class)
                                                .sheets(set.unit(), set.year(), asOf)));
                        System.err.println("wrote " + out);
                    } else {
                        Output.write(
                                format == Format.json
                                        ? StatementJson.writePretty(set)
                                        : StatementText.render(set),
                                out);
                    }
                    return 0;
                });
    }

    /** Statements summed straight from the event store, on the light start of the application. */
    private int fromEvents() throws Exception {
        if (server.remote()) {
            throw Usage.error(spec, "cli.fromEventsLocal");
        }
        if (format == Format.xlsx) {
            throw Usage.error(spec, "cli.fromEventsFormat");
        }
        StatementTemplate layout = StatementTemplate.resolve(template, year);
        return database.read(
                context -> {
                    List<StatementSet> sets =
                            context.getBean(EventStoreStatements.class)
                                    .statements(
                                            FiscalYear.of(year),
                                            allUnits ? null : UnitCode.of(unit),
                                            asOf,
                                            layout);
                    if (allUnits) {
                        writeAll(sets);
                    } else {
                        Output.write(
                                format == Format.json
                                        ? StatementJson.writePretty(sets.get(0))
                                        : StatementText.render(sets.get(0)),
                                out);
                    }
                    return 0;
                });
    }

    /** A department's consolidated statements: published (as a unit's) or the working view. */
    private int department() throws Exception {
        boolean working = view == View.working;
        if (working && format == Format.xlsx) {
            throw Usage.error(spec, "cli.workbookPublished");
        }
        if (server.remote()) {
            LedgerClient client = server.client(database);
            String path =
                    LedgerClient.departmentYear(department, year, "/statements")
                            + LedgerClient.query(
                                    "format",
                                    format.name(),
                                    "asOf",
                                    asOf == null ? null : asOf.toString(),
                                    "view",
                                    view.name(),
                                    "template",
                                    StatementOptions.remoteTemplate(spec.commandLine(), template));
            if (format == Format.xlsx) {
                Files.write(out, client.get(path, LedgerClient.XLSX));
                System.err.println("wrote " + out);
            } else if (format == Format.json) {
                Object tree = LedgerClient.JSON.readTree(client.get(path, "application/json"));
                Output.write(
                        LedgerClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree),
                        out);
            } else {
                Output.write(
                        new String(
                                client.get(path, "text/plain"),
                                java.nio.charset.StandardCharsets.UTF_8),
                        out);
            }
            return 0;
        }
        StatementTemplate layout = StatementTemplate.resolve(template, year);
        return database.read(
                context -> {
                    var statements =
                            context.getBean(ledger.api.department.DepartmentStatementService.class)
                                    .statements(department, FiscalYear.of(year), asOf, layout);
                    if (format == Format.xlsx) {
                        Files.write(out, StatementWorkbook.write(statements.consolidated()));
                        System.err.println("wrote " + out);
                    } else if (format == Format.json) {
                        Output.write(
                                LedgerClient.JSON
                                        .writerWithDefaultPrettyPrinter()
                                        .writeValueAsString(
                                                ledger.api.department.DepartmentDocuments.json(
                                                        statements, working)),
                                out);
                    } else {
                        Output.write(
                                working
                                        ? ledger.api.department.DepartmentDocuments.workingText(
                                                statements)
                                        : StatementText.render(statements.consolidated()),
                                out);
                    }
                    return 0;
                });
    }

    private void writeAll(List<StatementSet> sets) throws IOException {
        if (format == Format.json) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            sets.forEach(set -> array.add(StatementJson.toTree(set)));
            Output.write(array.toString(), out);
        } else {
            StringBuilder text = new StringBuilder();
            sets.forEach(set -> text.append(StatementText.render(set)).append('\n'));
            Output.write(text.toString(), out);
        }
        spec.commandLine().getErr().printf("statements of %d units%n", sets.size());
        spec.commandLine().getErr().flush();
    }
}
