package ledger.api.cli;

/**
 * A command that ran out of heap. Its stack trace says only where the heap ran out; the clerk needs
 * how much the command had and how to give it more. Every write of the ledger is one transaction,
 * so what the command was writing has rolled back.
 */
public final class OutOfMemory {

    private OutOfMemory() {}

    /** Whether {@code failure} or one of its causes is the JVM running out of memory. */
    public static boolean isIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** What to tell the clerk, for a heap of at most {@code maxHeapBytes}. */
    public static String message(long maxHeapBytes) {
        long mb = maxHeapBytes / (1024 * 1024);
        long more = Math.max(2, (mb * 2 + 1023) / 1024);
        return "错误：内存不足（Java 堆上限 "
                + mb
                + " MB），命令没有完成，本次写入账簿的内容已全部撤销。请给它更多内存后重试，例如 LEDGER_JAVA_OPTS=-Xmx"
                + more
                + "g ./ledger …"
                + " / error: out of memory (heap limit "
                + mb
                + " MB); the command did not finish and what it was writing to the ledger was rolled back;"
                + " run it again with a larger heap, e.g. LEDGER_JAVA_OPTS=-Xmx"
                + more
                + "g";
    }
}
