package ledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The headers of a streamed xlsx download, its Chinese file name kept for every browser (RFC 6266).
 */
final class TraceDownload {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private TraceDownload() {}

    static void start(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName, java.nio.charset.StandardCharsets.UTF_8)
                        .build()
                        .toString());
    }
}
