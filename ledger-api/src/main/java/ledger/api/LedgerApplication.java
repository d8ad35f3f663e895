package ledger.api;

import ledger.api.cli.LedgerCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The ledger: one executable for the command line and the server ({@code ledger serve}). */
@SpringBootApplication
public class LedgerApplication {

    public static void main(String[] args) {
        // A ledger of public money does not report usage to third parties, and our machines have no
        // network beyond the package registries anyway.
        System.setProperty("axoniq.update-checker.disabled",
                System.getProperty("axoniq.update-checker.disabled", "true"));
        System.exit(LedgerCommandLine.run(args));
    }
}
