package ledger.api.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The files shipped under {@code samples/}, found from the module or the repository root. */
public final class Samples {

    private Samples() {}

    public static Path path(String relative) {
        for (Path base : new Path[] {Path.of("..", "samples"), Path.of("samples")}) {
            Path candidate = base.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("sample not found: samples/" + relative);
    }

    public static Path jianghan2020Journal() {
        return path("2020-jianghan-gov-office/journal.csv");
    }

    public static Path jianghan2020Published() {
        return path("2020-jianghan-gov-office/published.tsv");
    }

    public static Path putuo2024Journal() {
        return path("2024-putuo-caizhengju/journal.csv");
    }

    public static Path putuo2024Catalog() {
        return path("2024-putuo-caizhengju/catalog.csv");
    }

    public static Path putuo2024Published() {
        return path("2024-putuo-caizhengju/published.tsv");
    }

    /** The report's template variant: the 2024 template with the 26 类 lines of 2020, as a file. */
    public static Path putuo2024Template() {
        return path("2024-putuo-caizhengju/template.json");
    }
}
