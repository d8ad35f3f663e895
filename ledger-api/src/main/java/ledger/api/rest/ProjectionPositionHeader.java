package ledger.api.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import ledger.api.statement.ProjectionStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every read answer states the projection position it answered from: the API in the header {@value
 * #HEADER}, pages in their footer ("数据截至第 N 个事件"). Read before the handler reads the rows, after
 * waiting as readers wait ({@link ProjectionStatus#awaitReadable}) but briefly, as a page that
 * reads no read model (the sign-in page) must not wait for the processor: the rows hold at least
 * every event up to it — on a lagging standby or during a bulk catch-up, fewer than the event
 * store.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionPositionHeader implements WebMvcConfigurer, HandlerInterceptor {

    public static final String HEADER = "X-Ledger-Projection-Position";

    /** The request attribute the page footer reads. */
    public static final String ATTRIBUTE = "projectionPosition";

    /**
     * Longer than the live processor takes for a batch of commands; a handler that reads waits on.
     */
    private static final Duration WAIT = Duration.ofSeconds(2);

    private final ObjectProvider<ProjectionStatus> projections;

    ProjectionPositionHeader(ObjectProvider<ProjectionStatus> projections) {
        this.projections = projections;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler) {
        // Commands (POST) skip the bean lookup: they are most requests under load.
        if (!"GET".equals(request.getMethod()) || !(handler instanceof HandlerMethod)) {
            return true;
        }
        ProjectionStatus status = projections.getIfAvailable();
        if (status == null) {
            return true;
        }
        long position;
        try {
            position = status.awaitReadable(WAIT);
        } catch (IllegalStateException stillBehind) {
            position = status.readPosition();
        }
        response.setHeader(HEADER, Long.toString(position));
        request.setAttribute(ATTRIBUTE, position);
        return true;
    }
}
