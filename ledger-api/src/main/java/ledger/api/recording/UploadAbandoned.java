package ledger.api.recording;

/**
 * The client stopped sending a journal before its end (it hung up, or the connection broke): the
 * import stops reading and deciding at once, writes nothing, and there is no one to answer.
 */
public class UploadAbandoned extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UploadAbandoned(String source, long bytesRead, Throwable cause) {
        super("上传在结束前中断，未写入任何内容 (the upload of " + source + " broke off after " + bytesRead
                + " bytes; nothing was written)", cause);
    }
}
