package ledger.api;

import ledger.api.cli.LedgerCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The ledger: one executable for the command line and the server ({@code ledger serve}). */
@SpringBootApplication
public class LedgerApplication {

    public static void main(String[] args) {
        System.exit(LedgerCommandLine.run(args));
    }
}
