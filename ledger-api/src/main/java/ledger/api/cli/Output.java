package ledger.api.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a command's text to stdout or to {@code --out FILE}. */
final class Output {

    private Output() {
    }

    static void write(String text, Path out) throws IOException {
        if (out == null) {
            System.out.print(text.endsWith("\n") ? text : text + "\n");
            System.out.flush();
        } else {
            Files.writeString(out, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
            System.err.println("wrote " + out);
        }
    }
}
