package ledger.api.web;

import ledger.api.recording.UnitNotPermitted;
import ledger.api.rest.ParameterText;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the pages as pages (the HTTP API answers problem JSON instead): what was wrong, in
 * Chinese where the ledger words it, with a way back.
 */
@ControllerAdvice(basePackageClasses = WebErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebErrors {

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound notFound) {
        return page(HttpStatus.NOT_FOUND, "找不到", notFound.getMessage());
    }

    /** The same answer whether or not the unit exists. */
    @ExceptionHandler({AccessDeniedException.class, UnitNotPermitted.class})
    ModelAndView notPermitted(RuntimeException denied) {
        return page(HttpStatus.FORBIDDEN, "无权访问", "您的角色或被授权的单位不允许此操作。");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView invalid(IllegalArgumentException invalid) {
        return page(HttpStatus.BAD_REQUEST, "无法显示", invalid.getMessage());
    }

    /** Which parameter and what form it takes, never the framework's text (it names Java types). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView wrongValue(MethodArgumentTypeMismatchException mismatch) {
        return page(HttpStatus.BAD_REQUEST, "请求参数有误", ParameterText.wrongValue(mismatch));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException missing) {
        return page(
                HttpStatus.BAD_REQUEST,
                "请求参数有误",
                ParameterText.missing(missing.getParameterName()));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ModelAndView missingFile(MissingServletRequestPartException missing) {
        return page(
                HttpStatus.BAD_REQUEST,
                "请求参数有误",
                ParameterText.missing(missing.getRequestPartName()));
    }

    private static ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView page = new ModelAndView("problem");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("message", message);
        page.addObject("page", "problem");
        return page;
    }
}
