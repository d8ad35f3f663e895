package ledger.api.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load for {@code POST /api/transactions}: seeds accounts through {@code POST /api/journals}, then
 * posts expenditures with unique ids from T client threads, bounded in count and time, and prints
 * commands/s and the acknowledged / refused / failed counts with the ids and fen acknowledged, so
 * they can be reconciled with the store. Not a test; run it against a server you started:
 *
 * <pre>
 * java ledger-api/src/test/java/ledger/api/bench/CommandLoad.java URL THREADS COUNT SECONDS RUN [ACCOUNTS]
 * e.g. java …/CommandLoad.java http://127.0.0.1:18081 8 20000 20 r1 50
 * </pre>
 *
 * RUN names the unit ({@code load-RUN}) and the ids, so runs on one database stay apart. The
 * refused count must be zero (the accounts have room for every expenditure) and the store must hold
 * exactly the acknowledged expenditures of the unit, e.g. {@code SELECT COUNT(*), SUM(amount) FROM
 * …}; the summary prints the SQL.
 */
public final class CommandLoad {

    private static final String USER = "approver";
    private static final String PASSWORD = "approver-demo";

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: CommandLoad URL THREADS COUNT SECONDS RUN [ACCOUNTS]");
            System.exit(2);
        }
        String base = args[0];
        int threads = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String run = args[4];
        int accountCount = args.length > 5 ? Integer.parseInt(args[5]) : 50;
        String unit = "load-" + run;
        String auth =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpClient http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();

        // Accounts: 商品和服务支出 款 under a few 项 of 201 03, each with a budget and funds far above the
        // load.
        String[] economic = {
            "30201", "30202", "30203", "30204", "30205", "30206", "30207", "30208", "30209",
            "30211", "30212", "30213", "30214", "30215", "30216", "30217", "30218", "30224",
            "30225", "30226", "30227", "30228", "30229", "30231", "30239", "30240", "30299"
        };
        String[] functional = {"2010301", "2010302", "2010303", "2010350"};
        List<String[]> accounts = new ArrayList<>();
        for (String f : functional) {
            for (String e : economic) {
                if (accounts.size() < accountCount) {
                    accounts.add(new String[] {f, e});
                }
            }
        }
        StringBuilder journal =
                new StringBuilder("id,date,kind,unit,unit_name,fund,functional,economic,amount\n");
        int n = 0;
        for (String[] a : accounts) {
            journal.append(unit)
                    .append("-B")
                    .append(n)
                    .append(",2020-01-02,budget,")
                    .append(unit)
                    .append(",负载,general,")
                    .append(a[0])
                    .append(',')
                    .append(a[1])
                    .append(",100000000.00\n");
            journal.append(unit)
                    .append("-A")
                    .append(n)
                    .append(",2020-01-03,appropriation,")
                    .append(unit)
                    .append(",,general,")
                    .append(a[0])
                    .append(',')
                    .append(a[1])
                    .append(",100000000.00\n");
            n++;
        }
        HttpResponse<String> seeded =
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/journals"))
                                .header("Authorization", auth)
                                .header("Content-Type", "text/csv")
                                .POST(HttpRequest.BodyPublishers.ofString(journal.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (seeded.statusCode() != 200) {
            throw new IllegalStateException(
                    "seeding failed: " + seeded.statusCode() + " " + seeded.body());
        }

        AtomicInteger next = new AtomicInteger();
        AtomicLong acknowledgedFen = new AtomicLong();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger repeated = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        long[] latencies = new long[count];
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long started = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread client =
                    new Thread(
                            () -> {
                                for (int i = next.getAndIncrement();
                                        i < count && System.nanoTime() < deadline;
                                        i = next.getAndIncrement()) {
                                    String[] a =
                                            accounts.get(
                                                    ThreadLocalRandom.current()
                                                            .nextInt(accounts.size()));
                                    long fen = 1 + ThreadLocalRandom.current().nextInt(9_999);
                                    String body =
                                            "{\"id\":\""
                                                    + unit
                                                    + "-X"
                                                    + i
                                                    + "\",\"date\":\"2020-06-01\",\"kind\":\"expenditure\","
                                                    + "\"unit\":\""
                                                    + unit
                                                    + "\",\"fund\":\"general\",\"functional\":\""
                                                    + a[0]
                                                    + "\",\"economic\":\""
                                                    + a[1]
                                                    + "\",\"nature\":\"public\",\"amount\":\""
                                                    + fen / 100
                                                    + "."
                                                    + String.format("%02d", fen % 100)
                                                    + "\",\"memo\":\"load\"}";
                                    long sent = System.nanoTime();
                                    try {
                                        HttpResponse<String> response =
                                                http.send(
                                                        HttpRequest.newBuilder(
                                                                        URI.create(
                                                                                base
                                                                                        + "/api/transactions"))
                                                                .header("Authorization", auth)
                                                                .header(
                                                                        "Content-Type",
                                                                        "application/json")
                                                                .POST(
                                                                        HttpRequest.BodyPublishers
                                                                                .ofString(body))
                                                                .build(),
                                                        HttpResponse.BodyHandlers.ofString());
                                        latencies[i] = System.nanoTime() - sent;
                                        statuses.merge(response.statusCode(), 1, Integer::sum);
                                        if (response.statusCode() == 201) {
                                            created.incrementAndGet();
                                            acknowledgedFen.addAndGet(fen);
                                        } else if (response.statusCode() == 200) {
                                            repeated.incrementAndGet();
                                        } else if (response.statusCode() == 422) {
                                            refused.incrementAndGet();
                                        } else {
                                            failed.incrementAndGet();
                                        }
                                    } catch (Exception e) {
                                        failed.incrementAndGet();
                                    }
                                }
                            });
            clients.add(client);
            client.start();
        }
        for (Thread client : clients) {
            client.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        int done = created.get() + repeated.get() + refused.get() + failed.get();
        long[] sorted = java.util.Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        System.out.printf(
                "threads %d: %d requests in %.2f s = %.0f commands/s; latency p50 %.1f ms, p99 %.1f ms%n",
                threads,
                done,
                elapsed,
                done / elapsed,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99));
        System.out.printf(
                "acknowledged 201: %d (%d fen), repeated 200: %d, refused 422: %d, failed: %d, statuses %s%n",
                created.get(),
                acknowledgedFen.get(),
                repeated.get(),
                refused.get(),
                failed.get(),
                new TreeMap<>(statuses));
        System.out.printf(
                "reconcile: SELECT COUNT(*), SUM((convert_from(payload, 'UTF8')::jsonb #>> '{amount,fen}')"
                        + "::bigint) FROM domain_event_entry WHERE payload_type LIKE '%%ExpenditureRecorded'"
                        + " AND aggregate_identifier LIKE '2020/%s/%%';%n",
                unit);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
    }
}
