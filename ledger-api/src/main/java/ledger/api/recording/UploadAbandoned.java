package ledger.api.recording;

/**
 * The client stopped sending a journal before its end (it hung up, or the connection broke): the
 * import stops reading and deciding at once, writes nothing, and there is no one to answer.
 */
public class UploadAbandoned extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UploadAbandoned(String source, long bytesRead, Throwable cause) {
        super(ledger.core.text.Reason.of("upload.abandoned", source, bytesRead).chinese(), cause);
    }
}
