package ledger.reportreader;

/**
 * The file cannot be read as a published report at all (not a PDF, encrypted, too large, no tables,
 * a malformed figure). The message is Chinese first and says what is wrong and where; nothing is
 * read from such a file.
 */
public final class ReportRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportRefusal(String message) {
        super(message);
    }

    public ReportRefusal(String message, Throwable cause) {
        super(message, cause);
    }
}
