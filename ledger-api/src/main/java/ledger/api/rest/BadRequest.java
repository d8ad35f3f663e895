package ledger.api.rest;

import org.springframework.http.HttpStatus;

/**
 * A request the API cannot act on, naming the request field at fault (a path variable, a query
 * parameter or a body field) and the reason. Nothing is written when it is thrown.
 */
class BadRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String field;

    BadRequest(HttpStatus status, String field, String reason) {
        super(reason);
        this.status = status;
        this.field = field;
    }

    /** 400: the request is malformed (a cell address, a table, a unit code that cannot be). */
    static BadRequest malformed(String field, String reason) {
        return new BadRequest(HttpStatus.BAD_REQUEST, field, reason);
    }

    /** 404: well-formed, but the ledger has no such thing (a unit without transactions). */
    static BadRequest notFound(String field, String reason) {
        return new BadRequest(HttpStatus.NOT_FOUND, field, reason);
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
}
