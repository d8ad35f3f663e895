package ledger.api.rest;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request path the security firewall will not route (an encoded slash, a {@code ..} segment, a
 * NUL, …: the shapes of path traversal) is answered as a problem naming the path, like every other
 * refusal, instead of the firewall's bare 400.
 */
@Component
class RequestRejection implements RequestRejectedHandler {

    @Override
    public void handle(
            jakarta.servlet.http.HttpServletRequest request,
            HttpServletResponse response,
            org.springframework.security.web.firewall.RequestRejectedException rejected)
            throws java.io.IOException {
        String reason =
                "the request path is refused: it holds an encoded slash, a dot segment or a character"
                        + " a path may not hold; nothing was read or written";
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write(
                        "{\"type\":\""
                                + ProblemResponses.BAD_REQUEST
                                + "\",\"title\":\"Bad request\","
                                + "\"status\":400,\"detail\":\"path: "
                                + reason
                                + "\",\"problems\":[{\"field\":\"path\",\"reason\":\""
                                + reason
                                + "\"}]}");
    }
}
