package ledger.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import ledger.api.config.AxonStorageConfiguration;
import ledger.api.statement.StatementService;
import ledger.api.statement.TraceDocument;
import ledger.api.statement.TracePaging;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.StatementTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ledger trace CELL}: the events behind one figure. */
@Command(
        name = "trace",
        description = "List the events that make up one figure, e.g. T3/2010302/3.")
public class TraceCommand implements Callable<Integer> {

    enum Format {
        text,
        json
    }

    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Mixin ServerOptions server;

    @Mixin StatementOptions which;

    @Parameters(
            index = "0",
            paramLabel = "CELL",
            converter = CellConverter.class,
            description = "table/row/column, e.g. T3/2010302/3 or T1/59/2")
    CellAddress cell;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text or json (default ${DEFAULT-VALUE})")
    Format format;

    // Hidden: only tests need pages smaller than the largest the server allows.
    @Option(
            names = "--page-size",
            hidden = true,
            defaultValue = "" + TracePaging.MAX_SIZE,
            description =
                    "with --server: events asked for per request while following the trace's pages")
    int pageSize;

    @Option(
            names = "--xlsx",
            paramLabel = "FILE",
            description =
                    "write the whole trace to this Excel workbook instead of printing it (a unit's cell)")
    java.nio.file.Path xlsx;

    @Override
    public Integer call() throws Exception {
        which.requireOne(spec);
        if (which.department()) {
            if (xlsx != null) {
                throw Usage.error(spec, "cli.traceXlsxUnit");
            }
            return printDepartment();
        }
        if (xlsx != null) {
            return export();
        }
        if (server.remote()) {
            String template = which.remoteTemplate(spec.commandLine());
            checkCell(StatementService.builtInTemplate(template, which.fiscalYear()));
            return print(remoteTrace(server.client(database), template));
        }
        StatementTemplate template = which.template();
        checkCell(template);
        return database.read(
                context -> {
                    return print(
                            TraceDocument.of(
                                    context.getBean(StatementService.class)
                                            .trace(
                                                    which.unitCode(),
                                                    which.fiscalYear(),
                                                    cell,
                                                    which.asOf(),
                                                    template)));
                });
    }

    /**
     * The whole trace into a workbook, streamed from the database (or the server) into the file.
     */
    private int export() throws Exception {
        if (server.remote()) {
            String template = which.remoteTemplate(spec.commandLine());
            checkCell(StatementService.builtInTemplate(template, which.fiscalYear()));
            byte[] book =
                    server.client(database)
                            .get(
                                    LedgerClient.unitYear(which.unit, which.year, "/trace")
                                            + LedgerClient.query(
                                                    "cell",
                                                    cell.toString(),
                                                    "asOf",
                                                    which.asOf == null
                                                            ? null
                                                            : which.asOf.toString(),
                                                    "template",
                                                    template,
                                                    "format",
                                                    "xlsx"),
                                    LedgerClient.XLSX);
            java.nio.file.Files.write(xlsx, book);
        } else {
            StatementTemplate template = which.template();
            checkCell(template);
            database.read(
                    context -> {
                        // Opened again by a second attempt (read models behind): truncated anew.
                        try (var out =
                                new java.io.BufferedOutputStream(
                                        java.nio.file.Files.newOutputStream(xlsx))) {
                            context.getBean(ledger.api.statement.TraceQueries.class)
                                    .exportTrace(
                                            which.unitCode(),
                                            which.fiscalYear(),
                                            cell,
                                            which.asOf(),
                                            template,
                                            ledger.projections.posting.PostingFilter.NONE,
                                            out);
                        }
                        return null;
                    });
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("已导出追溯 " + cell + " 至 " + xlsx + " (trace written to " + xlsx + ")");
        out.flush();
        return 0;
    }

    /**
     * A cell the template lacks is a usage error (exit code 2), found before the database is
     * opened.
     */
    private void checkCell(StatementTemplate template) {
        Optional<String> noSuchCell = template.problemWith(cell);
        if (noSuchCell.isPresent()) {
            throw Usage.error(spec, "cli.noSuchCell", cell, noSuchCell.get(), template.name());
        }
    }

    /** A department cell: each unit's events under it, the eliminated transfer legs marked. */
    private int printDepartment() throws Exception {
        ledger.api.department.DepartmentDocuments.TraceOfDepartment trace;
        if (server.remote()) {
            String template = which.remoteTemplate(spec.commandLine());
            checkCell(StatementService.builtInTemplate(template, which.fiscalYear()));
            trace =
                    LedgerClient.JSON.treeToValue(
                            server.client(database)
                                    .getJson(
                                            LedgerClient.departmentYear(
                                                            which.department, which.year, "/trace")
                                                    + LedgerClient.query(
                                                            "cell",
                                                            cell.toString(),
                                                            "asOf",
                                                            which.asOf == null
                                                                    ? null
                                                                    : which.asOf.toString(),
                                                            "template",
                                                            template)),
                            ledger.api.department.DepartmentDocuments.TraceOfDepartment.class);
        } else {
            StatementTemplate template = which.template();
            checkCell(template);
            trace =
                    database.read(
                            context ->
                                    ledger.api.department.DepartmentDocuments.TraceOfDepartment.of(
                                            context.getBean(
                                                            ledger.api.department
                                                                    .DepartmentStatementService
                                                                    .class)
                                                    .trace(
                                                            which.department,
                                                            which.fiscalYear(),
                                                            cell,
                                                            which.asOf(),
                                                            template)));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(
                format == Format.json
                        ? AxonStorageConfiguration.eventObjectMapper()
                                        .writerWithDefaultPrettyPrinter()
                                        .writeValueAsString(trace)
                                + "\n"
                        : trace.toText());
        out.flush();
        return 0;
    }

    /**
     * Attempts at a remote trace when a transaction recorded meanwhile changed it between pages.
     */
    static final int ATTEMPTS = 3;

    /**
     * The whole trace from the server, page after page, so a remote trace is as complete as a local
     * one; the pages must agree on the cell's total and count, and add up to them.
     */
    TraceDocument remoteTrace(LedgerClient client, String template) throws Exception {
        IllegalStateException changed = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<TraceDocument> pages = new ArrayList<>();
            do {
                pages.add(
                        LedgerClient.JSON.treeToValue(
                                client.getJson(
                                        LedgerClient.unitYear(which.unit, which.year, "/trace")
                                                + LedgerClient.query(
                                                        "cell",
                                                        cell.toString(),
                                                        "asOf",
                                                        which.asOf == null
                                                                ? null
                                                                : which.asOf.toString(),
                                                        "page",
                                                        Integer.toString(pages.size()),
                                                        "size",
                                                        Integer.toString(pageSize),
                                                        "template",
                                                        template)),
                                TraceDocument.class));
            } while (pages.size() < pages.get(pages.size() - 1).pageCount());
            try {
                return TraceDocument.concatenate(pages);
            } catch (IllegalStateException meanwhile) {
                changed = meanwhile;
            }
        }
        throw new LedgerClient.ServerRefused(
                0,
                List.of(
                        changed.getMessage()
                                + " "
                                + ATTEMPTS
                                + " times; transactions are being recorded for it: try again, or trace --as-of an earlier date"));
    }

    private int print(TraceDocument trace) throws Exception {
        ObjectMapper json = AxonStorageConfiguration.eventObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        out.print(
                format == Format.json
                        ? json.writerWithDefaultPrettyPrinter().writeValueAsString(trace) + "\n"
                        : trace.toText());
        out.flush();
        return 0;
    }

    /** A cell address of one of the nine tables; a malformed one is a usage error (exit code 2). */
    static final class CellConverter implements CommandLine.ITypeConverter<CellAddress> {
        @Override
        public CellAddress convert(String value) {
            CellAddress address;
            try {
                address = CellAddress.parse(value);
            } catch (IllegalArgumentException malformed) {
                throw new CommandLine.TypeConversionException(malformed.getMessage());
            }
            return address;
        }
    }
}
