package ledger.api.web;

/** A page asked for something the ledger does not hold: answered 404 with the reason. */
class NotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NotFound(String message) {
        super(message);
    }
}
