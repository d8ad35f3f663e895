package ledger.api.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;
import ledger.api.recording.JournalRefused;
import ledger.api.recording.UnitNotPermitted;
import ledger.core.account.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Refusals as RFC 7807 problem details. A refused transaction or journal answers 422 with
 * {@code problems}: every bad field (and journal line) with its reason; malformed requests 400.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    @ExceptionHandler(JournalRefused.class)
    ProblemDetail refused(JournalRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                refused.problems().size() + " problem" + (refused.problems().size() == 1 ? "" : "s")
                        + "; nothing was written. First: " + refused.problems().get(0));
        problem.setTitle("Input refused");
        problem.setType(URI.create("urn:ledger:input-refused"));
        List<Map<String, Object>> problems = refused.problems().stream()
                .map(p -> Map.<String, Object>of("line", p.line(), "field", p.column(), "reason", p.reason()))
                .toList();
        problem.setProperty("problems", problems);
        return problem;
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail violation(RuleViolation violation) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                violation.field() + ": " + violation.reason() + "; nothing was written");
        problem.setTitle("Input refused");
        problem.setType(URI.create("urn:ledger:input-refused"));
        problem.setProperty("problems", List.of(Map.of("field", violation.field(), "reason", violation.reason())));
        return problem;
    }

    /** The same answer whether or not the unit exists: a refusal must not reveal what the ledger holds. */
    @ExceptionHandler({UnitNotPermitted.class, org.springframework.security.access.AccessDeniedException.class})
    ProblemDetail notPermitted(RuntimeException denied) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "not permitted: your role or your units do not allow this");
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
        problem.setTitle("Bad request");
        return problem;
    }

    @Override
    protected org.springframework.http.ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable, org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
        Throwable cause = unreadable.getMostSpecificCause();
        String detail = cause instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown
                ? "unknown field '" + unknown.getPropertyName() + "'"
                : "the request body is not readable: " + cause.getMessage();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Bad request");
        return handleExceptionInternal(unreadable, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
}
