package ledger.api.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import ledger.api.recording.JournalRefused;
import ledger.api.recording.UnitNotPermitted;
import ledger.api.recording.UploadAbandoned;
import ledger.core.account.RuleViolation;
import ledger.core.journal.JournalProblem;
import ledger.core.text.FieldName;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 7807 problem ({@code application/problem+json}) with {@code problems}: a
 * list of {@code {field, reason}} (and {@code line} for a journal or published-figures file), so a
 * client can put each message beside the field it concerns.
 *
 * <ul>
 *   <li>422 {@code urn:ledger:input-refused}: well-formed input the ledger refuses (a bad amount,
 *       an unknown code, an overspend, a closed year, a reused id, a bad journal row, …);
 *   <li>400 {@code urn:ledger:bad-request}: a malformed request (not JSON, an unknown JSON field, a
 *       bad cell address, a date that is not yyyy-mm-dd, a missing parameter);
 *   <li>404 {@code urn:ledger:not-found}: a unit the ledger has no transactions of.
 * </ul>
 *
 * Nothing is written in any of these cases.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    static final URI INPUT_REFUSED = URI.create("urn:ledger:input-refused");
    static final URI BAD_REQUEST = URI.create("urn:ledger:bad-request");
    static final URI NOT_FOUND = URI.create("urn:ledger:not-found");
    static final URI INTERNAL = URI.create("urn:ledger:internal-error");

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(JournalRefused.class)
    ProblemDetail refused(JournalRefused refused) {
        Locale language = Languages.ofCurrentRequest();
        boolean english = language == Reason.ENGLISH;
        List<JournalProblem> problems = refused.problems();
        JournalProblem first = problems.get(0);
        String detail;
        if (english) {
            detail =
                    problems.size() == 1
                            ? describe(first, language) + "; nothing was written"
                            : problems.size()
                                    + " problems; nothing was written. First: "
                                    + describe(first, language);
        } else {
            detail =
                    problems.size() == 1
                            ? describe(first, language) + "；没有写入任何内容"
                            : "共 "
                                    + problems.size()
                                    + " 处问题，没有写入任何内容。第一处："
                                    + describe(first, language);
        }
        ProblemDetail problem =
                problem(HttpStatus.UNPROCESSABLE_ENTITY, INPUT_REFUSED, "Input refused", detail);
        problem.setProperty("problems", problems.stream().map(p -> entry(p, language)).toList());
        return problem;
    }

    /** Usually no one is left to read this; a proxy that cut the body short gets a reason. */
    @ExceptionHandler(UploadAbandoned.class)
    ProblemDetail abandoned(UploadAbandoned abandoned) {
        return single(
                HttpStatus.BAD_REQUEST, BAD_REQUEST, "Bad request", "body", abandoned.getMessage());
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail violation(RuleViolation violation) {
        Locale language = Languages.ofCurrentRequest();
        return single(
                HttpStatus.UNPROCESSABLE_ENTITY,
                INPUT_REFUSED,
                "Input refused",
                violation.field(),
                violation.reason(language)
                        + (language == Reason.ENGLISH ? "; nothing was written" : "；没有写入任何内容"));
    }

    @ExceptionHandler(BadRequest.class)
    ProblemDetail badRequest(BadRequest bad) {
        String reason = bad.reason(Languages.ofCurrentRequest());
        return bad.status() == HttpStatus.NOT_FOUND
                ? single(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", bad.field(), reason)
                : single(bad.status(), BAD_REQUEST, "Bad request", bad.field(), reason);
    }

    /**
     * The same answer whether or not the unit exists: a refusal must not reveal what the ledger
     * holds.
     */
    @ExceptionHandler({
        UnitNotPermitted.class,
        org.springframework.security.access.AccessDeniedException.class
    })
    ProblemDetail notPermitted(RuntimeException denied) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.FORBIDDEN,
                        Languages.ofCurrentRequest() == Reason.ENGLISH
                                ? "not permitted: your role or your units do not allow this"
                                : "无权访问：您的角色或被授权的单位不允许此操作");
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException invalid) {
        return single(
                HttpStatus.BAD_REQUEST,
                BAD_REQUEST,
                "Bad request",
                "request",
                invalid instanceof Refusal refusal
                        ? refusal.reason(Languages.ofCurrentRequest())
                        : invalid.getMessage());
    }

    @ExceptionHandler(RequestSizeLimit.TooLarge.class)
    ProblemDetail tooLarge(RequestSizeLimit.TooLarge tooLarge) {
        return single(
                HttpStatus.PAYLOAD_TOO_LARGE,
                BAD_REQUEST,
                "Payload Too Large",
                "body",
                tooLarge.getMessage());
    }

    /**
     * Anything else: a refusal wrapped by a framework is still a refusal; the rest is our fault.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.TooLarge tooLarge) {
                return tooLarge(tooLarge);
            }
            if (cause instanceof JournalRefused refused) {
                return refused(refused);
            }
            if (cause instanceof RuleViolation violation) {
                return violation(violation);
            }
        }
        log.error("request failed", exception);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                INTERNAL,
                "Internal error",
                "the ledger could not complete the request ("
                        + exception.getClass().getSimpleName()
                        + "); nothing was written");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        Throwable cause = unreadable.getMostSpecificCause();
        if (cause instanceof RequestSizeLimit.TooLarge tooLarge) {
            return new ResponseEntity<>(tooLarge(tooLarge), headers, HttpStatus.PAYLOAD_TOO_LARGE);
        }
        String field = "body";
        String reason;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            field = path(unknown);
            TreeSet<String> known =
                    unknown.getKnownPropertyIds().stream()
                            .map(String::valueOf)
                            .collect(Collectors.toCollection(TreeSet::new));
            reason =
                    "unknown field '"
                            + unknown.getPropertyName()
                            + "'; the fields are "
                            + String.join(", ", known);
        } else if (cause instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            field = path(mismatched);
            reason = "field '" + field + "' must be a JSON string, not " + tokenOf(mismatched);
        } else if (cause instanceof MismatchedInputException mismatched) {
            reason = "the body must be one JSON object, not " + tokenOf(mismatched);
        } else if (cause instanceof JsonProcessingException json) {
            JsonLocation at = json.getLocation();
            reason =
                    "the body is not valid JSON: "
                            + json.getOriginalMessage()
                            + (at == null
                                    ? ""
                                    : " (line "
                                            + at.getLineNr()
                                            + ", column "
                                            + at.getColumnNr()
                                            + ")");
        } else if (unreadable.getMessage() != null
                && unreadable.getMessage().startsWith("Required request body")) {
            reason = "the request body is missing";
        } else {
            reason = "the request body is not readable: " + cause.getMessage();
        }
        return handleExceptionInternal(
                unreadable,
                single(HttpStatus.BAD_REQUEST, BAD_REQUEST, "Bad request", field, reason),
                headers,
                HttpStatus.BAD_REQUEST,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException mismatch,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String field = ParameterText.name(mismatch);
        String reason = ParameterText.wrongValue(mismatch);
        return handleExceptionInternal(
                mismatch,
                single(HttpStatus.BAD_REQUEST, BAD_REQUEST, "Bad request", field, reason),
                headers,
                HttpStatus.BAD_REQUEST,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException missing,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return handleExceptionInternal(
                missing,
                single(
                        HttpStatus.BAD_REQUEST,
                        BAD_REQUEST,
                        "Bad request",
                        missing.getParameterName(),
                        ParameterText.missing(missing.getParameterName())),
                headers,
                HttpStatus.BAD_REQUEST,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException missing,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return handleExceptionInternal(
                missing,
                single(
                        HttpStatus.BAD_REQUEST,
                        BAD_REQUEST,
                        "Bad request",
                        missing.getRequestPartName(),
                        "the form part '" + missing.getRequestPartName() + "' is required"),
                headers,
                HttpStatus.BAD_REQUEST,
                request);
    }

    /**
     * The framework's own answers (415, 406, 405, a broken multipart body, …) arrive as problems
     * without {@code problems}: name the field at fault there too, so every 4xx reads the same.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception exception,
            Object body,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        // The body is often built here, from the exception, so name the field on what comes back.
        ResponseEntity<Object> response =
                super.handleExceptionInternal(exception, body, headers, status, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null
                        || !problem.getProperties().containsKey("problems"))) {
            String reason =
                    problem.getDetail() == null
                            ? String.valueOf(exception.getMessage())
                            : problem.getDetail();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", fieldOf(exception));
            entry.put("reason", reason);
            problem.setProperty("problems", List.of(entry));
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(
                        response.getStatusCode().is4xxClientError() ? BAD_REQUEST : INTERNAL);
            }
        }
        return response;
    }

    private static String fieldOf(Exception exception) {
        if (exception instanceof HttpMediaTypeNotSupportedException) {
            return "Content-Type";
        }
        if (exception instanceof HttpMediaTypeNotAcceptableException) {
            return "Accept";
        }
        if (exception instanceof HttpRequestMethodNotSupportedException) {
            return "method";
        }
        if (exception instanceof MultipartException
                || exception instanceof MaxUploadSizeExceededException) {
            return "file";
        }
        if (exception instanceof MissingPathVariableException missing) {
            return missing.getVariableName();
        }
        return "request";
    }

    /** A body that is not multipart although it says so: the form part cannot be found. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail brokenMultipart(MultipartException broken) {
        return single(
                HttpStatus.BAD_REQUEST,
                BAD_REQUEST,
                "Bad request",
                "file",
                "the multipart/form-data body cannot be read: "
                        + broken.getMostSpecificCause().getMessage());
    }

    private static ProblemDetail single(
            HttpStatus status, URI type, String title, String field, String reason) {
        ProblemDetail problem =
                problem(
                        status,
                        type,
                        title,
                        Languages.ofCurrentRequest() == Reason.ENGLISH
                                ? field + ": " + reason
                                : fieldLabel(field) + "：" + reason);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("field", field);
        entry.put("reason", reason);
        problem.setProperty("problems", List.of(entry));
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** A journal problem as JSON: the line only where there is one (a single request has none). */
    private static Map<String, Object> entry(JournalProblem problem, Locale language) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (problem.line() > 0) {
            entry.put("line", problem.line());
        }
        entry.put(
                "field",
                problem.column() == null || problem.column().isEmpty() ? "file" : problem.column());
        entry.put("reason", problem.reason(language));
        return entry;
    }

    private static String describe(JournalProblem problem, Locale language) {
        boolean column = problem.column() != null && !problem.column().isEmpty();
        if (language != Reason.ENGLISH) {
            return (problem.line() > 0 ? "第 " + problem.line() + " 行" + (column ? "，" : "") : "")
                    + (column ? fieldLabel(problem.column()) : "")
                    + "："
                    + problem.reason(language);
        }
        if (problem.line() > 0) {
            return "line "
                    + problem.line()
                    + (column ? ", column " + problem.column() : "")
                    + ": "
                    + problem.reason(language);
        }
        return (column ? problem.column() + ": " : "") + problem.reason(language);
    }

    /**
     * A field as Chinese messages name it: {@code 金额（amount）}, or the word alone when it has no
     * Chinese name.
     */
    static String fieldLabel(String field) {
        String chinese = FieldName.of(field).chinese();
        return chinese.equals(field) ? field : chinese + "（" + field + "）";
    }

    private static String path(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(
                        reference ->
                                reference.getFieldName() != null
                                        ? reference.getFieldName()
                                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String tokenOf(MismatchedInputException mismatched) {
        String message = mismatched.getOriginalMessage();
        if (message.contains("START_ARRAY") || message.contains("Array value")) {
            return "an array";
        }
        if (message.contains("START_OBJECT") || message.contains("Object value")) {
            return "an object";
        }
        if (message.contains("Floating-point") || message.contains("Integer value")) {
            return "a JSON number (write amounts as strings, e.g. \"1200.00\": a number may pass through a"
                    + " binary float on the way)";
        }
        if (message.contains("Boolean value")) {
            return "true or false";
        }
        return "this value";
    }
}
