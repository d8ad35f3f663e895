package ledger.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ledger.api.config.AxonStorageConfiguration;
import ledger.core.journal.JournalProblem;
import ledger.core.text.Reason;

/**
 * The command line's side of the HTTP API ({@code --server}): every request signed in with HTTP
 * Basic, every answer other than 2xx turned into a {@link ServerRefused} that the command line
 * prints as {@code 已拒绝：字段（field）：原因} (exit 1). The password lives only in this object, never in
 * argv or in a message.
 */
final class LedgerClient {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Reads the API's JSON, tolerating fields this client does not know (a newer server). */
    static final ObjectMapper JSON = AxonStorageConfiguration.eventObjectMapper();

    private final URI server;
    private final String user;
    private final String authorization;
    private final HttpClient http;

    LedgerClient(URI server, String user, char[] password) {
        this.server = server;
        this.user = user;
        byte[] credentials = (user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials);
        // Redirects are not followed: a redirect means a page's sign-in form, i.e. not the API.
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    String describe() {
        return server + " as " + user;
    }

    /** {@code /api/units/U/years/Y} + {@code rest}. */
    static String unitYear(String unit, int year, String rest) {
        return "/api/units/" + encode(unit) + "/years/" + year + rest;
    }

    static String departmentYear(String department, int year, String rest) {
        return "/api/departments/" + encode(department) + "/years/" + year + rest;
    }

    /** A query string from alternating names and values; null values are left out. */
    static String query(String... namesAndValues) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                query.append(query.length() == 0 ? "?" : "&")
                        .append(namesAndValues[i])
                        .append('=')
                        .append(encode(namesAndValues[i + 1]));
            }
        }
        return query.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    JsonNode getJson(String path) {
        return parse(send(request(path, "application/json").GET()));
    }

    byte[] get(String path, String accept) {
        return send(request(path, accept).GET());
    }

    JsonNode post(String path, String contentType, byte[] body) {
        return parse(
                send(
                        request(path, "application/json")
                                .header("Content-Type", contentType)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))));
    }

    /**
     * A {@code multipart/form-data} POST of files, each under its part name (files that are null
     * are left out).
     */
    JsonNode postFiles(String path, Map<String, java.nio.file.Path> files) throws IOException {
        String boundary = "ledger-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, java.nio.file.Path> file : files.entrySet()) {
            if (file.getValue() == null) {
                continue;
            }
            body.write(
                    ("--"
                                    + boundary
                                    + "\r\nContent-Disposition: form-data; name=\""
                                    + file.getKey()
                                    + "\"; filename=\""
                                    + file.getValue().getFileName()
                                    + "\"\r\nContent-Type: text/plain; charset=UTF-8"
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            body.write(java.nio.file.Files.readAllBytes(file.getValue()));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /**
     * A POST answered 200 or 201, with its status (the API tells a repeat from a new record so).
     */
    record Answer(int status, JsonNode body) {}

    Answer postForAnswer(String path, String contentType, byte[] body) {
        HttpResponse<byte[]> response =
                exchange(
                        request(path, "application/json")
                                .header("Content-Type", contentType)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        return new Answer(response.statusCode(), parse(response.body()));
    }

    /**
     * {@code path} under the server's address, keeping any path prefix it has (a ledger behind a
     * proxy at {@code https://host/ledger/}): resolved relative, since an absolute path would drop
     * it.
     */
    URI uri(String path) {
        return server.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private HttpRequest.Builder request(String path, String accept) {
        return HttpRequest.newBuilder(uri(path))
                .header("Authorization", authorization)
                .header("Accept", accept + ", application/problem+json");
    }

    private byte[] send(HttpRequest.Builder request) {
        return exchange(request).body();
    }

    private HttpResponse<byte[]> exchange(HttpRequest.Builder request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpConnectTimeoutException unreachable) {
            throw new ServerRefused(
                    0,
                    List.of(
                            Reason.of(
                                            "cli.unreachable",
                                            server,
                                            unreachable.getMessage() == null
                                                    ? "connection refused"
                                                    : unreachable.getMessage())
                                    .chinese()));
        } catch (IOException failed) {
            throw new ServerRefused(
                    0, List.of(Reason.of("cli.requestFailed", server, failed).chinese()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ServerRefused(0, List.of(Reason.of("cli.interrupted", server).chinese()));
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        throw refusal(status, response);
    }

    private ServerRefused refusal(int status, HttpResponse<byte[]> response) {
        if (status == 401) {
            return new ServerRefused(
                    status, List.of(Reason.of("cli.unauthorized", server, user).chinese()));
        }
        if (status == 403) {
            return new ServerRefused(status, List.of(Reason.of("cli.forbidden", user).chinese()));
        }
        if (status >= 300 && status < 400) {
            return new ServerRefused(
                    status,
                    List.of(
                            Reason.of(
                                            "cli.redirected",
                                            response.headers().firstValue("Location").orElse("?"),
                                            status)
                                    .chinese()));
        }
        JsonNode problem = null;
        try {
            problem = JSON.readTree(response.body());
        } catch (IOException | RuntimeException notJson) {
            // reported below from the status alone
        }
        List<String> lines = new ArrayList<>();
        JsonNode problems = problem == null ? null : problem.get("problems");
        if (problems != null && problems.isArray() && !problems.isEmpty()) {
            for (JsonNode entry : problems) {
                // Worded as a local refusal is: 第 N 行，日期（date）：reason.
                lines.add(
                        new JournalProblem(
                                        entry.hasNonNull("line") ? entry.get("line").asInt() : 0,
                                        entry.path("field").asText("request"),
                                        entry.path("reason").asText())
                                .toString());
            }
        } else if (problem != null && problem.hasNonNull("detail")) {
            lines.add(problem.get("detail").asText());
        } else {
            lines.add(Reason.of("cli.status", status).chinese());
        }
        return new ServerRefused(status, lines);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException notJson) {
            throw new ServerRefused(
                    0, List.of(Reason.of("cli.notJson", notJson.getMessage()).chinese()));
        }
    }

    /** One journal row's named fields as the JSON body of {@code POST /api/transactions}. */
    static byte[] transaction(Map<String, String> fields) {
        try {
            return JSON.writeValueAsBytes(new LinkedHashMap<>(fields));
        } catch (IOException cannot) {
            throw new IllegalStateException(cannot);
        }
    }

    /**
     * The server did not do what was asked: {@code status} 0 when it could not be reached. Each
     * line is one reason, printed {@code 已拒绝：line}.
     */
    static final class ServerRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final int status;
        private final List<String> reasons;

        ServerRefused(int status, List<String> reasons) {
            super(String.join("; ", reasons));
            this.status = status;
            this.reasons = List.copyOf(reasons);
        }

        int status() {
            return status;
        }

        List<String> reasons() {
            return reasons;
        }

        /**
         * Refused because of what was sent (4xx other than sign-in), not because of who or where.
         */
        boolean inputRefused() {
            return status >= 400 && status < 500 && status != 401;
        }
    }
}
