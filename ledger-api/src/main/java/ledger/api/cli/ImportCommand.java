package ledger.api.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import ledger.api.recording.ImportResult;
import ledger.api.recording.JournalImport;
import ledger.api.statement.ProjectionStatus;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;
import ledger.journal.JournalMapping;
import ledger.journal.JournalReader;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ledger import FILE}: a journal (CSV in UTF-8 or GBK, or xlsx), whole or not at all. */
@Command(
        name = "import",
        description = {
            "导入日记账（CSV：UTF-8 或 GBK；或 xlsx 工作簿）：全部记入或一行不记；重复导入不会重复记账。",
            "Import a journal (CSV in UTF-8 or GBK, or an xlsx workbook): all rows or none."
        })
public class ImportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Mixin ServerOptions server;

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "日记账文件（.csv 或 .xlsx），首行为列名 / the journal")
    Path file;

    @Option(
            names = "--sheet",
            paramLabel = "NAME",
            description = "xlsx 中要导入的工作表（默认第一个）/ the sheet to read")
    String sheet;

    @Option(
            names = "--mapping",
            paramLabel = "FILE",
            description = "列与值的映射文件（CSV），用于其他系统导出的文件 / maps another system's columns and values")
    Path mapping;

    @Option(
            names = "--progress",
            description =
                    "显示进度条（在终端上运行时默认显示；输出被重定向时用此项强制显示，进度写到标准错误）/ "
                            + "show progress bars on standard error even when not on a terminal")
    boolean progress;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new Refusal(Reason.of("file.missing", file));
        }
        if (mapping != null && !Files.isRegularFile(mapping)) {
            throw new Refusal(Reason.of("file.mappingMissing", mapping));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (server.remote()) {
            LedgerClient client = server.client(database);
            ImportResult result;
            if (mapping == null && sheet == null) {
                result =
                        LedgerClient.JSON.treeToValue(
                                client.post("/api/journals", "text/csv", Files.readAllBytes(file)),
                                ImportResult.class);
            } else {
                Map<String, Path> files = new LinkedHashMap<>();
                files.put("file", file);
                files.put("mapping", mapping);
                String query =
                        sheet == null
                                ? ""
                                : "?sheet=" + URLEncoder.encode(sheet, StandardCharsets.UTF_8);
                result =
                        LedgerClient.JSON.treeToValue(
                                client.postFiles("/api/journals" + query, files),
                                ImportResult.class);
            }
            // The server knows the body only as an upload; the user knows it by its file name.
            out.println(
                    result.named(file.getFileName().toString()).summary()
                            + "，记入 "
                            + client.describe());
            out.flush();
            return 0;
        }
        JournalReader.Options options = new JournalReader.Options(sheet, readMapping());
        try (ConfigurableApplicationContext context = database.start(false)) {
            ImportResult result;
            if (TerminalProgress.wanted(progress)) {
                try (TerminalProgress bars = new TerminalProgress(System.err)) {
                    result =
                            context.getBean(JournalImport.class)
                                    .importFile(file, DatabaseOptions.user(), options, bars);
                }
            } else {
                result =
                        context.getBean(JournalImport.class)
                                .importFile(file, DatabaseOptions.user(), options);
            }
            out.println(result.summary() + "，记入 " + database.database().describe());
            out.flush();
            catchUp(context);
            return 0;
        }
    }

    /** How long an import waits for the read models to take it in before it ends anyway. */
    static final Duration CATCH_UP = Duration.ofMinutes(10);

    /**
     * The read models take the import in before the command ends (the processor has had no time to
     * while the rows were checked and stored), so the read command that usually follows answers
     * from the light start ({@link DatabaseOptions#read}) instead of starting the whole application
     * to catch up. The import itself is stored whatever happens here.
     */
    private static void catchUp(ConfigurableApplicationContext context) {
        try {
            context.getBean(ProjectionStatus.class).awaitCaughtUp(CATCH_UP);
        } catch (IllegalStateException late) {
            System.err.println(
                    "注意：读取模型尚未包含本次导入，下一次读取时补齐 / note: the read models have not taken"
                            + " the import in yet; the next read catches up first ("
                            + late.getMessage()
                            + ")");
        }
    }

    private JournalMapping readMapping() throws java.io.IOException {
        if (mapping == null) {
            return JournalMapping.none();
        }
        try (InputStream in = Files.newInputStream(mapping)) {
            return JournalMapping.read(in);
        }
    }
}
