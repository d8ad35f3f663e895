package ledger.api.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps what a request may send before the ledger reads it: a journal upload at {@code
 * ledger.limits.max-journal-bytes} (200 MB: about two million rows; published figures for
 * reconciliation too), anything else at {@code ledger.limits.max-request-bytes} (64 KB). A body
 * announced as larger is refused with 413 at once; a chunked body is cut off when it passes the
 * limit.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxJournalBytes;
    private final long maxRequestBytes;

    RequestSizeLimit(
            @Value("${ledger.limits.max-journal-bytes:209715200}") long maxJournalBytes,
            @Value("${ledger.limits.max-request-bytes:65536}") long maxRequestBytes) {
        this.maxJournalBytes = maxJournalBytes;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        boolean upload =
                path.endsWith("/journals")
                        || path.endsWith("/reconciliation")
                        || path.contains("/upload");
        long limit = upload ? maxJournalBytes : maxRequestBytes;
        long announced = request.getContentLengthLong();
        if (announced > limit) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            String reason =
                    "the request body of "
                            + announced
                            + " bytes exceeds the limit of "
                            + limit
                            + " bytes; nothing was written";
            response.getWriter()
                    .write(
                            "{\"type\":\""
                                    + ProblemResponses.BAD_REQUEST
                                    + "\",\"title\":\"Payload Too Large\","
                                    + "\"status\":413,\"detail\":\"body: "
                                    + reason
                                    + "\",\"problems\":[{\"field\":\"body\",\"reason\":\""
                                    + reason
                                    + "\"}]}");
            return;
        }
        chain.doFilter(announced >= 0 ? request : new Capped(request, limit), response);
    }

    /**
     * A body sent without its length went past the limit while being read: 413, nothing written.
     */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("the request body exceeds the limit of " + limit + " bytes; nothing was written");
        }
    }

    /** A body of unknown length, read no further than the limit. */
    private static final class Capped extends HttpServletRequestWrapper {
        private final long limit;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > limit) {
                        throw new TooLarge(limit);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0 && (read += n) > limit) {
                        throw new TooLarge(limit);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
