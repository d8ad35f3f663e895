package ledger.api.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import ledger.api.department.DepartmentFile;
import ledger.api.department.DepartmentListing;
import ledger.api.department.Departments;
import ledger.core.department.DepartmentLine;
import ledger.core.department.DepartmentsRegistered;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ledger department register|list}: the departments and their units, year by year. */
@Command(
        name = "department",
        description =
                "Departments and their units: register a file of them (register)"
                        + " or print them (list).",
        subcommands = {DepartmentCommand.Register.class, DepartmentCommand.ListUnits.class})
public class DepartmentCommand implements Runnable {

    @Spec CommandSpec spec;

    /** {@code ledger department} alone names no action: a usage error (exit 2). */
    @Override
    public void run() {
        throw Usage.error(spec, "cli.subcommandNeeded", "register, list");
    }

    /** {@code ledger department register FILE}: the whole file or nothing. */
    @Command(
            name = "register",
            description =
                    "Register departments' units (CSV or xlsx: department,"
                            + " department_name, unit, unit_name, kind, parent, from_year): the whole file or nothing.")
    static class Register extends FileUpload<List<DepartmentLine>> {

        @Parameters(
                index = "0",
                paramLabel = "FILE",
                description = "the department file, .csv (UTF-8) or .xlsx")
        Path file;

        @Override
        Path file() {
            return file;
        }

        @Override
        String apiPath() {
            return "/api/departments";
        }

        @Override
        List<DepartmentLine> read(byte[] bytes, String fileName) {
            return DepartmentFile.read(bytes, fileName);
        }

        @Override
        String load(
                ConfigurableApplicationContext context,
                List<DepartmentLine> lines,
                String fileName) {
            DepartmentsRegistered registered =
                    context.getBean(Departments.class)
                            .register(lines, fileName, DatabaseOptions.user());
            return DepartmentListing.summary(registered);
        }
    }

    /** {@code ledger department list [--year Y] [--department D] [--format text|tsv]}. */
    @Command(
            name = "list",
            description =
                    "Print the registered departments and their units (all registrations,"
                            + " or those in force in --year).")
    static class ListUnits implements Callable<Integer> {

        @Spec CommandSpec spec;

        @Mixin DatabaseOptions database;

        @Mixin ServerOptions server;

        @Option(names = "--year", description = "only the units in force in this fiscal year")
        Integer year;

        @Option(names = "--department", description = "only this department")
        String department;

        @Option(names = "--format", defaultValue = "text", description = "text (default) or tsv")
        String format;

        @Override
        public Integer call() throws Exception {
            FileUpload.requireTextOrTsv(spec, format);
            PrintWriter out = spec.commandLine().getOut();
            List<ledger.core.department.DepartmentUnit> units;
            if (server.remote()) {
                LedgerClient client = server.client(database);
                String query =
                        "?format=tsv"
                                + (year == null ? "" : "&year=" + year)
                                + (department == null
                                        ? ""
                                        : "&department="
                                                + java.net.URLEncoder.encode(
                                                        department, StandardCharsets.UTF_8));
                String tsv =
                        new String(
                                client.get("/api/departments" + query, "text/tab-separated-values"),
                                StandardCharsets.UTF_8);
                out.print(
                        format.equals("tsv")
                                ? tsv
                                : DepartmentListing.text(DepartmentListing.fromTsv(tsv)));
                out.flush();
                return 0;
            }
            try (ConfigurableApplicationContext context = database.start(false)) {
                units =
                        DepartmentListing.select(
                                context.getBean(Departments.class).current(), year, department);
            }
            out.print(
                    format.equals("tsv")
                            ? DepartmentListing.tsv(units)
                            : DepartmentListing.text(units));
            out.flush();
            return 0;
        }
    }
}
