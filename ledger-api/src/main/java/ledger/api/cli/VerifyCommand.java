package ledger.api.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import ledger.api.integrity.EventSeals;
import ledger.api.integrity.VerifyReport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger verify}: recompute the seal chain of the event store and name the first event that
 * was changed, deleted or inserted behind the ledger's back. Exit 1 when tampering is found, or
 * when the key that sealed the events is missing or another one (said as such, not as tampering).
 */
@Command(
        name = "verify",
        description =
                "Check that no stored event was changed, deleted or inserted behind the"
                        + " ledger's back (tamper evidence).")
public class VerifyCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Option(
            names = "--chain-head",
            paramLabel = "HASH",
            description =
                    "a chain head printed by an earlier verify:"
                            + " reported if it is no longer in the seal chain (the newest events removed with their seals)")
    String notedChainHead;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context =
                database.start(false, "ledger.integrity.sealing=false")) {
            VerifyReport report = context.getBean(EventSeals.class).verify(notedChainHead);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (report.intact()) {
                out.printf(
                        "完好：%,d 个事件与写入时的印章相符，%,d 个事件与封存链相符。 intact: %,d events match the"
                                + " seals written with them; %,d events verified against the seal chain (%s); %d recorded since"
                                + " the newest seal; chain head %s%n",
                        report.rowSeals(),
                        report.sealedEvents(),
                        report.rowSeals(),
                        report.sealedEvents(),
                        report.keyOrigin(),
                        report.pending(),
                        report.chainHead());
                out.flush();
                return 0;
            }
            if (report.wrongKey()) {
                // Not "tampered": under another key every seal mismatches, which says nothing of
                // the events.
                report.problems().forEach(err::println);
                err.flush();
                return LedgerCommandLine.REFUSED;
            }
            err.printf(
                    "发现篡改：%d 处问题（最早的在前）。 TAMPERED: %d problem%s found in %,d sealed events; the first:%n",
                    report.problems().size(),
                    report.problems().size(),
                    report.problems().size() == 1 ? "" : "s",
                    report.sealedEvents());
            report.problems().forEach(problem -> err.println("  " + problem));
            err.flush();
            return LedgerCommandLine.REFUSED;
        }
    }
}
