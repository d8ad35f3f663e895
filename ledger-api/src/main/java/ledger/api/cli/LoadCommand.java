package ledger.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import ledger.api.config.AccountWarmUp;
import ledger.api.recording.JournalRefused;
import ledger.api.recording.PostingAnswer;
import ledger.api.recording.TransactionRecorder;
import ledger.core.journal.JournalRow;
import ledger.journal.JournalParse;
import ledger.journal.JournalReader;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger load}: the benchmark's load client, hidden from help. {@code post} sends the rows
 * of a CSV as single transactions from N concurrent clients and counts what was acknowledged;
 * {@code get} times one read over and over. Loopback only, bounded in count and time; it prints one
 * line of {@code key=value} pairs for the benchmark script.
 */
@Command(
        name = "load",
        hidden = true,
        description = "Benchmark load client (loopback only).",
        subcommands = {LoadCommand.Post.class, LoadCommand.Record.class, LoadCommand.Get.class})
public class LoadCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw Usage.error(spec, "cli.subcommandNeeded", "post, record, get");
    }

    /** Server and credentials, shared by both modes. */
    static class Target {
        @Option(
                names = "--url",
                descriptionKey = "load.url",
                required = true,
                description = "base URL of a ledger on this machine, e.g. http://127.0.0.1:8080")
        String url;

        @Option(names = "--user", descriptionKey = "load.user", required = true)
        String user;

        @Option(names = "--password", descriptionKey = "load.password", required = true)
        String password;

        URI base(CommandSpec spec) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException bad) {
                throw Usage.error(spec, "cli.loadUrl", url);
            }
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw Usage.error(spec, "cli.loadUrlHttp", url);
            }
            try {
                if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
                    throw Usage.error(spec, "cli.loadUrlLoopback", uri.getHost());
                }
            } catch (IOException unknown) {
                throw Usage.error(spec, "cli.loadUrlUnknownHost", uri.getHost());
            }
            return uri;
        }

        String authorization() {
            return "Basic "
                    + Base64.getEncoder()
                            .encodeToString(
                                    (user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Which rows of which file, from how many clients, for how long: shared by post and record. */
    static class Rows {
        @Option(
                names = "--file",
                required = true,
                description = "CSV with a header of journal column names")
        Path file;

        @Option(names = "--clients", defaultValue = "1")
        int clients;

        @Option(names = "--offset", defaultValue = "0", description = "rows to skip first")
        int offset;

        @Option(names = "--max", defaultValue = "10000", description = "rows to send at most")
        int max;

        @Option(
                names = "--seconds",
                defaultValue = "60",
                description = "stop sending after this long")
        int seconds;

        void check(CommandSpec spec, int warmup) {
            if (clients < 1 || clients > 64 || max < 1 || seconds < 1 || offset < 0 || warmup < 0) {
                throw Usage.error(spec, "cli.loadPostBounds");
            }
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Command(
            name = "post",
            description = "POST each row of a CSV to /api/transactions from N clients.")
    static class Post implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin Target target;

        @Mixin Rows rows;

        @Override
        public Integer call() throws Exception {
            rows.check(spec, 0);
            URI endpoint = target.base(spec).resolve("/api/transactions");
            List<String> bodies = bodies(rows.file, rows.offset, rows.max);
            HttpClient http = client();
            String authorization = target.authorization();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger acknowledged = new AtomicInteger();
            AtomicInteger repeated = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicLong lastDone = new AtomicLong();
            long started = System.nanoTime();
            long deadline = started + Duration.ofSeconds(rows.seconds).toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < rows.clients; c++) {
                Thread thread =
                        new Thread(
                                () -> {
                                    int index;
                                    while (System.nanoTime() < deadline
                                            && (index = next.getAndIncrement()) < bodies.size()) {
                                        HttpRequest request =
                                                HttpRequest.newBuilder(endpoint)
                                                        .timeout(Duration.ofSeconds(30))
                                                        .header("Authorization", authorization)
                                                        .header("Content-Type", "application/json")
                                                        .POST(
                                                                HttpRequest.BodyPublishers.ofString(
                                                                        bodies.get(index)))
                                                        .build();
                                        try {
                                            int status =
                                                    http.send(
                                                                    request,
                                                                    HttpResponse.BodyHandlers
                                                                            .discarding())
                                                            .statusCode();
                                            if (status == 201) {
                                                acknowledged.incrementAndGet();
                                            } else if (status == 200) {
                                                repeated.incrementAndGet();
                                            } else if (status >= 400 && status < 500) {
                                                refused.incrementAndGet();
                                            } else {
                                                failed.incrementAndGet();
                                            }
                                        } catch (IOException e) {
                                            failed.incrementAndGet();
                                        } catch (InterruptedException e) {
                                            Thread.currentThread().interrupt();
                                            return;
                                        }
                                        lastDone.accumulateAndGet(System.nanoTime(), Math::max);
                                    }
                                },
                                "load-" + c);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            print(
                    spec.commandLine().getOut(),
                    rows.clients,
                    acknowledged.get(),
                    repeated.get(),
                    refused.get(),
                    failed.get(),
                    Math.max(lastDone.get() - started, 1) / 1e9);
            return 0;
        }
    }

    /**
     * {@code load record}: the same rows as {@code post}, recorded from N threads of this process
     * through the write path {@code POST /api/transactions} takes after HTTP ({@link
     * TransactionRecorder#post}), each acknowledged once committed. Set beside {@code post} on the
     * same rows and database, the difference is what HTTP, JSON and sign-in cost per command. The
     * accounts are kept warm first as a server keeps them, the rows parsed before the clock starts,
     * and the first {@code --warmup} rows warm the JIT and are not counted.
     */
    @Command(
            name = "record",
            description = "Record each row of a CSV from N threads of this process, without HTTP.")
    static class Record implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin DatabaseOptions database;

        @Mixin Rows rows;

        @Option(names = "--warmup", defaultValue = "0", description = "rows recorded uncounted")
        int warmup;

        @Override
        public Integer call() throws Exception {
            rows.check(spec, warmup);
            JournalParse parse;
            try (InputStream in = Files.newInputStream(rows.file)) {
                parse = new JournalReader().read(in);
            }
            if (!parse.ok()) {
                throw new JournalRefused(parse.problems());
            }
            List<JournalRow> all = parse.rows();
            int from = Math.min(rows.offset, all.size());
            List<JournalRow> slice =
                    all.subList(from, Math.min(all.size(), from + warmup + rows.max));
            // Warmed like a server's, so that the two are measured alike.
            try (ConfigurableApplicationContext context =
                    database.start(false, AccountWarmUp.PROPERTY + "=true")) {
                context.getBean(AccountWarmUp.class).awaitFinished();
                TransactionRecorder recorder = context.getBean(TransactionRecorder.class);
                String user = DatabaseOptions.user();
                int warm = Math.min(warmup, slice.size());
                Counts discarded = new Counts();
                discarded.run(recorder, user, slice.subList(0, warm), rows.clients, rows.seconds);
                Counts counts = new Counts();
                long started = System.nanoTime();
                counts.run(
                        recorder,
                        user,
                        slice.subList(warm, slice.size()),
                        rows.clients,
                        rows.seconds);
                counts.print(spec.commandLine().getOut(), rows.clients, started);
            }
            return 0;
        }
    }

    /** What a load counted: the answers by kind and when the last one came. */
    static final class Counts {
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger repeated = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicLong lastDone = new AtomicLong();

        /** Records {@code rows} from {@code clients} threads until done or {@code seconds} pass. */
        void run(
                TransactionRecorder recorder,
                String user,
                List<JournalRow> rows,
                int clients,
                int seconds)
                throws InterruptedException {
            AtomicInteger next = new AtomicInteger();
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Thread thread =
                        new Thread(
                                () -> {
                                    int index;
                                    while (System.nanoTime() < deadline
                                            && (index = next.getAndIncrement()) < rows.size()) {
                                        try {
                                            count(recorder.post(rows.get(index), user));
                                        } catch (RuntimeException e) {
                                            failed.incrementAndGet();
                                        }
                                        lastDone.accumulateAndGet(System.nanoTime(), Math::max);
                                    }
                                },
                                "load-" + c);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }

        private void count(PostingAnswer answer) {
            if (answer instanceof PostingAnswer.Recorded) {
                acknowledged.incrementAndGet();
            } else if (answer instanceof PostingAnswer.AlreadyRecorded) {
                repeated.incrementAndGet();
            } else {
                refused.incrementAndGet();
            }
        }

        /** The one line {@code benchmarks/run} reads, as {@code post} prints it. */
        void print(PrintWriter out, int clients, long started) {
            LoadCommand.print(
                    out,
                    clients,
                    acknowledged.get(),
                    repeated.get(),
                    refused.get(),
                    failed.get(),
                    Math.max(lastDone.get() - started, 1) / 1e9);
        }
    }

    static void print(
            PrintWriter out,
            int clients,
            int acknowledged,
            int repeated,
            int refused,
            int failed,
            double elapsed) {
        out.printf(
                "clients=%d sent=%d acknowledged=%d repeated=%d refused=%d errors=%d seconds=%.3f"
                        + " acknowledged_per_second=%.1f%n",
                clients,
                acknowledged + repeated + refused + failed,
                acknowledged,
                repeated,
                refused,
                failed,
                elapsed,
                acknowledged / elapsed);
        out.flush();
    }

    /** Rows {@code offset … offset+max} of the CSV as JSON bodies with the non-empty fields. */
    static List<String> bodies(Path file, int offset, int max) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> bodies = new ArrayList<>();
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            var iterator = lines.iterator();
            if (!iterator.hasNext()) {
                throw new IllegalArgumentException(file + " is empty: a header row is needed");
            }
            String[] header = iterator.next().replace("\uFEFF", "").split(",", -1);
            int row = 0;
            while (iterator.hasNext() && bodies.size() < max) {
                String line = iterator.next();
                if (line.isBlank() || line.startsWith("#") || row++ < offset) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != header.length) {
                    throw new IllegalArgumentException(
                            file
                                    + " row "
                                    + row
                                    + ": "
                                    + fields.length
                                    + " fields, the header has "
                                    + header.length
                                    + " (quoted fields are not supported here)");
                }
                ObjectNode body = json.createObjectNode();
                for (int i = 0; i < header.length; i++) {
                    if (!fields[i].isEmpty()) {
                        body.put(header[i].strip(), fields[i]);
                    }
                }
                bodies.add(body.toString());
            }
        }
        return bodies;
    }

    @Command(
            name = "get",
            description = "GET one path repeatedly; latency percentiles after warm-up.")
    static class Get implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin Target target;

        @Option(
                names = "--path",
                required = true,
                description = "path and query, e.g. /api/units/U/years/2020/statements")
        String path;

        @Option(names = "--calls", defaultValue = "300")
        int calls;

        @Option(names = "--warmup", defaultValue = "50")
        int warmup;

        @Option(
                names = "--seconds",
                defaultValue = "120",
                description = "stop calling after this long (warm-up included)")
        int seconds;

        @Override
        public Integer call() throws Exception {
            if (calls < 1
                    || calls > 100_000
                    || warmup < 0
                    || seconds < 1
                    || !path.startsWith("/")) {
                throw Usage.error(spec, "cli.loadGetBounds");
            }
            URI uri = target.base(spec).resolve(path);
            HttpClient http = client();
            HttpRequest request =
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", target.authorization())
                            .GET()
                            .build();
            long[] nanos = new long[calls];
            int failed = 0;
            long bytes = 0;
            int lastStatus = 0;
            int measured = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            for (int i = -warmup; i < calls && (i < 1 || System.nanoTime() < deadline); i++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> response =
                        http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long took = System.nanoTime() - start;
                lastStatus = response.statusCode();
                if (i >= 0) {
                    nanos[i] = took;
                    measured++;
                    bytes = response.body().length;
                    if (lastStatus != 200) {
                        failed++;
                    }
                }
            }
            nanos = Arrays.copyOf(nanos, measured);
            Arrays.sort(nanos);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    "calls=%d errors=%d status=%d bytes=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
                    measured,
                    failed,
                    lastStatus,
                    bytes,
                    percentile(nanos, 50) / 1e6,
                    percentile(nanos, 99) / 1e6,
                    nanos[nanos.length - 1] / 1e6);
            out.flush();
            return failed == 0 ? 0 : 1;
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
