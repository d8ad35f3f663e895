package ledger.api.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.HtmlUtils;

/**
 * A problem the API answers, shown as a page when a browser asked for HTML (a person who followed a
 * download link, say): the same reasons, in the pages' look, never raw JSON. Registered after the
 * JSON converters, so a client that accepts anything still gets {@code application/problem+json}.
 */
@Configuration
class ProblemPages implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(new ProblemPageConverter());
    }

    /** Writes a {@link ProblemDetail} as a small HTML page using the site's stylesheet. */
    static final class ProblemPageConverter extends AbstractHttpMessageConverter<ProblemDetail> {

        ProblemPageConverter() {
            super(StandardCharsets.UTF_8, MediaType.TEXT_HTML);
        }

        @Override
        protected boolean supports(Class<?> type) {
            return ProblemDetail.class.isAssignableFrom(type);
        }

        @Override
        protected boolean canRead(MediaType mediaType) {
            return false;
        }

        @Override
        protected ProblemDetail readInternal(
                Class<? extends ProblemDetail> type, HttpInputMessage input) {
            throw new UnsupportedOperationException("a problem page is never read");
        }

        @Override
        protected void writeInternal(ProblemDetail problem, HttpOutputMessage output)
                throws IOException {
            output.getHeaders()
                    .setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
            String title = title(problem.getStatus());
            StringBuilder html = new StringBuilder(1024);
            html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">")
                    .append(
                            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                    .append("<title>")
                    .append(title)
                    .append(" · 预算账簿</title>")
                    .append("<link rel=\"stylesheet\" href=\"/css/ledger.css\"></head><body>")
                    .append(
                            "<header class=\"site\"><div class=\"bar no-print\"><a class=\"brand\" href=\"/\">预算账簿 · 部门决算</a>")
                    .append("</div></header><main><h1 id=\"problem-title\">")
                    .append(title)
                    .append("</h1>")
                    .append("<div class=\"card bad\" id=\"problem-detail\">");
            Object problems =
                    problem.getProperties() == null
                            ? null
                            : problem.getProperties().get("problems");
            if (problems instanceof List<?> list && !list.isEmpty()) {
                html.append("<ul>");
                for (Object item : list) {
                    html.append("<li>").append(escape(entry(item))).append("</li>");
                }
                html.append("</ul>");
            } else if (problem.getDetail() != null) {
                html.append("<p class=\"pre\">").append(escape(problem.getDetail())).append("</p>");
            }
            html.append("<p class=\"muted\">HTTP ")
                    .append(problem.getStatus())
                    .append("</p></div>")
                    .append("<p><a href=\"/\">返回首页，选择单位和年度</a></p></main></body></html>\n");
            try (OutputStream out = output.getBody()) {
                out.write(html.toString().getBytes(StandardCharsets.UTF_8));
            }
        }

        private static String entry(Object item) {
            if (item instanceof Map<?, ?> map) {
                Object line = map.get("line");
                Object field = map.get("field");
                return (line == null ? "" : "第 " + line + " 行，")
                        + (field == null ? "" : field + "：")
                        + map.get("reason");
            }
            return String.valueOf(item);
        }

        private static String escape(String text) {
            return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
        }

        static String title(int status) {
            return switch (status) {
                case 401 -> "需要登录";
                case 403 -> "无权访问";
                case 404 -> "找不到";
                case 413 -> "文件太大";
                case 422 -> "输入被拒绝，没有写入任何内容";
                case 429 -> "请稍后再试";
                default -> status >= 500 ? "系统出错" : "请求有误";
            };
        }
    }
}
