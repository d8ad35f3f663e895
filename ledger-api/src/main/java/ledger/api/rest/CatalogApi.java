package ledger.api.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import ledger.api.catalog.CatalogFile;
import ledger.api.catalog.CatalogListing;
import ledger.api.catalog.YearCatalogs;
import ledger.core.account.FiscalYear;
import ledger.core.catalog.CatalogLoaded;
import ledger.core.catalog.YearCatalog;
import ledger.core.classification.CatalogEntry;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The 科目表 of a fiscal year: any signed-in user reads it; only an approver loads one (the security
 * configuration says so), the whole file or nothing, refused as a 422 problem naming each line.
 */
@RestController
@RequestMapping("/api/catalog")
class CatalogApi {

    private final YearCatalogs catalogs;

    CatalogApi(YearCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    /** A year's 科目表 and how it came to be. */
    record CatalogDocument(int year, List<CatalogEntry> entries, List<Load> loads) {}

    /** One load: the file it came from and how many 科目 it held. */
    record Load(String source, int codes) {}

    @Operation(summary = "The 科目 a fiscal year accepts, with its names (format=json or tsv)")
    @GetMapping("/{year}")
    ResponseEntity<?> list(
            @PathVariable("year") String year,
            @RequestParam(name = "format", defaultValue = "json") String format) {
        YearCatalog catalog = catalogs.of(year(year));
        if (format.equals("tsv")) {
            return ResponseEntity.ok()
                    .contentType(
                            new MediaType(
                                    "text",
                                    "tab-separated-values",
                                    java.nio.charset.StandardCharsets.UTF_8))
                    .body(CatalogListing.tsv(catalog));
        }
        if (!format.equals("json")) {
            throw BadRequest.malformed("format", ledger.core.text.Reason.of("format.jsonOrTsv"));
        }
        return ResponseEntity.ok(
                new CatalogDocument(
                        catalog.year().value(),
                        CatalogListing.entries(catalog),
                        catalog.loads().stream()
                                .map(l -> new Load(l.source(), l.entries().size()))
                                .toList()));
    }

    @Operation(
            summary =
                    "Load a 科目表 (CSV or xlsx, form field 'file') for a fiscal year: all of it or nothing")
    @PostMapping(value = "/{year}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CatalogLoadResult load(
            @PathVariable("year") String year,
            @RequestPart("file") MultipartFile file,
            Principal user)
            throws IOException {
        FiscalYear fiscalYear = year(year);
        String name =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "upload"
                        : file.getOriginalFilename();
        CatalogLoaded loaded =
                catalogs.load(
                        fiscalYear,
                        CatalogFile.read(file.getBytes(), name),
                        name,
                        LedgerController.userOf(user));
        return new CatalogLoadResult(
                loaded.year().value(),
                loaded.source(),
                loaded.entries().size(),
                CatalogListing.summary(loaded));
    }

    record CatalogLoadResult(int year, String source, int codes, String summary) {}

    private static FiscalYear year(String text) {
        try {
            return FiscalYear.of(Integer.parseInt(text));
        } catch (IllegalArgumentException notAYear) {
            throw BadRequest.malformed(
                    "year",
                    ledger.core.text.Reason.of(
                            "year.range", FiscalYear.FIRST, FiscalYear.LAST, text));
        }
    }
}
