package ledger.api.rest;

import java.util.Locale;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;
import org.springframework.http.HttpStatus;

/**
 * A request the API cannot act on, naming the request field at fault (a path variable, a query
 * parameter or a body field) and the reason. Nothing is written when it is thrown.
 */
class BadRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String field;

    /** The catalog's reason where there is one, so an English client reads English. */
    private final transient Reason code;

    BadRequest(HttpStatus status, String field, String reason) {
        this(status, field, reason, null);
    }

    private BadRequest(HttpStatus status, String field, String reason, Reason code) {
        super(reason);
        this.status = status;
        this.field = field;
        this.code = code;
    }

    /** 400 for a reason from the message catalog, worded in the caller's language when shown. */
    static BadRequest malformed(String field, Reason reason) {
        return new BadRequest(HttpStatus.BAD_REQUEST, field, reason.chinese(), reason);
    }

    /** 400: the request is malformed (a cell address, a table, a unit code that cannot be). */
    static BadRequest malformed(String field, String reason) {
        return new BadRequest(HttpStatus.BAD_REQUEST, field, reason);
    }

    /** 404: well-formed, but the ledger has no such thing (a unit without transactions). */
    static BadRequest notFound(String field, String reason) {
        return new BadRequest(HttpStatus.NOT_FOUND, field, reason);
    }

    /** 404 for a reason from the message catalog. */
    static BadRequest notFound(String field, Reason reason) {
        return new BadRequest(HttpStatus.NOT_FOUND, field, reason.chinese(), reason);
    }

    /** 400 for a refused value: in the caller's language when the refusal has a catalog reason. */
    static BadRequest malformed(String field, IllegalArgumentException refused) {
        return refused instanceof Refusal refusal
                ? malformed(field, refusal.reason())
                : malformed(field, refused.getMessage());
    }

    /** 404 for a refusal that names what the ledger lacks (a department without units). */
    static BadRequest notFound(String field, Refusal refused) {
        return notFound(field, refused.reason());
    }

    HttpStatus status() {
        return status;
    }

    String field() {
        return field;
    }

    String reason() {
        return getMessage();
    }

    String reason(Locale language) {
        return code == null ? getMessage() : code.render(language);
    }
}
