package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OutOfMemoryTest {

    @Test
    void theMessageGivesTheHeapLimitAndALargerOneInChineseFirst() {
        assertThat(OutOfMemory.message(512L * 1024 * 1024))
                .startsWith("错误：内存不足（Java 堆上限 512 MB），命令没有完成，本次写入账簿的内容已全部撤销")
                .contains("LEDGER_JAVA_OPTS=-Xmx2g ./ledger")
                .contains("out of memory (heap limit 512 MB)");
        assertThat(OutOfMemory.message(2048L * 1024 * 1024)).contains("-Xmx4g");
    }

    @Test
    void aCommandThatRanOutOfMemoryUnderAnotherExceptionGetsTheMessageNotAStackTrace()
            throws Exception {
        CommandLine cli = LedgerCommandLine.commandLine(name -> null);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code =
                cli.getExecutionExceptionHandler()
                        .handleExecutionException(
                                new IllegalStateException(
                                        "读取事件库失败", new OutOfMemoryError("Java heap space")),
                                cli,
                                null);
        assertThat(code).isEqualTo(LedgerCommandLine.REFUSED);
        assertThat(err.toString()).startsWith("错误：内存不足（Java 堆上限 ").doesNotContain("\tat ");
    }

    @Test
    void otherFailuresAreNotTakenForIt() {
        assertThat(OutOfMemory.isIn(new IllegalStateException("x", new RuntimeException())))
                .isFalse();
        assertThat(OutOfMemory.isIn(new OutOfMemoryError())).isTrue();
    }
}
