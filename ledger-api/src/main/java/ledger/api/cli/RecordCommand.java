package ledger.api.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import ledger.api.recording.JournalRefused;
import ledger.api.recording.PostingAnswer;
import ledger.api.recording.TransactionRecorder;
import ledger.core.journal.JournalRow;
import ledger.journal.JournalColumn;
import ledger.journal.JournalParse;
import ledger.journal.JournalReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ledger record FILE.csv}: records rows one at a time, each its own transaction, as a
 * clerk's form would, acknowledging each on standard output once it is stored. Unlike {@code
 * import}, a refused row does not stop the others; the exit code is 1 if any was refused.
 */
@Command(
        name = "record",
        description =
                "Record journal rows one at a time (each acknowledged when stored);"
                        + " refused rows are reported and skipped.")
public class RecordCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Mixin ServerOptions server;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "rows in the journal format")
    Path file;

    @Override
    public Integer call() throws Exception {
        JournalParse parse;
        try (InputStream in = Files.newInputStream(file)) {
            parse = new JournalReader().read(in);
        }
        if (!parse.ok()) {
            throw new JournalRefused(parse.problems());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int refused = 0;
        if (server.remote()) {
            LedgerClient client = server.client(database);
            List<Map<String, String>> fields = namedFields(file);
            if (fields.size() != parse.rows().size()) {
                throw new IllegalStateException(
                        "read "
                                + fields.size()
                                + " records but "
                                + parse.rows().size()
                                + " rows from "
                                + file);
            }
            for (int i = 0; i < fields.size(); i++) {
                JournalRow row = parse.rows().get(i);
                try {
                    LedgerClient.Answer answer =
                            client.postForAnswer(
                                    "/api/transactions",
                                    "application/json",
                                    LedgerClient.transaction(fields.get(i)));
                    out.println(
                            (answer.status() == 200 ? "repeated " : "recorded ")
                                    + answer.body().path("transactionId").asText()
                                    + " "
                                    + answer.body().path("accountId").asText());
                    out.flush();
                } catch (LedgerClient.ServerRefused refusal) {
                    if (!refusal.inputRefused()) {
                        throw refusal; // wrong password, server gone: the next rows would fare no
                        // better
                    }
                    refused++;
                    refusal.reasons().forEach(reason -> err.println(refusedRow(row) + reason));
                }
            }
        } else {
            try (ConfigurableApplicationContext context = database.start(false)) {
                TransactionRecorder recorder = context.getBean(TransactionRecorder.class);
                for (JournalRow row : parse.rows()) {
                    PostingAnswer answer = recorder.post(row, DatabaseOptions.user());
                    if (answer instanceof PostingAnswer.Recorded recorded) {
                        out.println(
                                "recorded "
                                        + recorded.transactionId()
                                        + " "
                                        + recorded.accountId());
                    } else if (answer instanceof PostingAnswer.AlreadyRecorded repeated) {
                        out.println(
                                "repeated "
                                        + repeated.transactionId()
                                        + " "
                                        + repeated.accountId());
                    } else if (answer instanceof PostingAnswer.Refused refusal) {
                        refused++;
                        refusal.problems()
                                .forEach(
                                        problem ->
                                                err.println(
                                                        refusedRow(row)
                                                                + new ledger.core.journal
                                                                        .JournalProblem(
                                                                        0,
                                                                        problem.column(),
                                                                        problem.reason())));
                    }
                    out.flush();
                }
            }
        }
        err.printf(
                "共 %d 行：%d 行已记入或已存在，%d 行被拒绝%n",
                parse.rows().size(), parse.rows().size() - refused, refused);
        err.flush();
        return refused == 0 ? 0 : LedgerCommandLine.REFUSED;
    }

    /**
     * Each record's fields by their English column names, for the API, in the order the journal
     * reader yields its rows (same CSV dialect: optional BOM, comments, blank lines skipped). Only
     * called once the reader accepted every row, so every header names a column.
     */
    static List<Map<String, String>> namedFields(Path file) throws java.io.IOException {
        String text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format =
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setCommentMarker('#')
                        .setIgnoreEmptyLines(true)
                        .setAllowMissingColumnNames(true)
                        .setDuplicateHeaderMode(
                                org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
                        .get();
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<String> headers = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < headers.size(); i++) {
                    String value = record.get(i);
                    if (!value.isEmpty()) {
                        fields.put(
                                JournalColumn.byName(headers.get(i)).orElseThrow().english(),
                                value);
                    }
                }
                rows.add(fields);
            }
        }
        return rows;
    }

    /** How a refused row starts on standard error: {@code 已拒绝：第 3 行（R-2）：}. */
    private static String refusedRow(JournalRow row) {
        return LedgerCommandLine.REFUSED_PREFIX
                + "第 "
                + row.line()
                + " 行（"
                + row.entry().transactionId()
                + "）：";
    }
}
