package ledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import ledger.api.catalog.CatalogFile;
import ledger.api.catalog.CatalogListing;
import ledger.api.catalog.YearCatalogs;
import ledger.core.account.FiscalYear;
import ledger.core.catalog.YearCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The 科目表 of a year, and the form that loads one: for approvers only (the security configuration),
 * since a loaded 科目 stays for that year. A refused file lists every bad line.
 */
@Controller
class CatalogPages {

    static final String PATH = "/catalog";

    private final YearCatalogs catalogs;

    CatalogPages(YearCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    @GetMapping(PATH)
    String show(
            @RequestParam(name = "year", required = false) Integer year,
            Model model,
            HttpServletResponse response) {
        FiscalYear fiscalYear = year(year, model, response);
        if (fiscalYear != null) {
            fill(model, catalogs.of(fiscalYear));
        }
        return "catalog";
    }

    @PostMapping(PATH)
    String load(
            @RequestParam(name = "year", required = false) Integer year,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Principal user,
            Model model,
            HttpServletResponse response)
            throws IOException {
        FiscalYear fiscalYear = year(year, model, response);
        if (fiscalYear == null) {
            return "catalog";
        }
        UploadForm.loadWhole(
                file,
                user,
                model,
                response,
                "loaded",
                (bytes, name, actor) ->
                        CatalogListing.summary(
                                catalogs.load(
                                        fiscalYear, CatalogFile.read(bytes, name), name, actor)));
        fill(model, catalogs.of(fiscalYear));
        return "catalog";
    }

    private static FiscalYear year(Integer year, Model model, HttpServletResponse response) {
        model.addAttribute("page", "catalog");
        int chosen = year == null ? LocalDate.now().getYear() : year;
        model.addAttribute("year", chosen);
        try {
            return FiscalYear.of(chosen);
        } catch (IllegalArgumentException outOfRange) {
            response.setStatus(400);
            model.addAttribute(
                    "badYear", "年度须在 " + FiscalYear.FIRST + "–" + FiscalYear.LAST + " 之间");
            return null;
        }
    }

    private static void fill(Model model, YearCatalog catalog) {
        model.addAttribute("entries", CatalogListing.entries(catalog));
        model.addAttribute("loads", catalog.loads());
        model.addAttribute(
                "functionalCount",
                catalog.catalog()
                        .codes(ledger.core.classification.Classification.FUNCTIONAL)
                        .size());
        model.addAttribute(
                "economicCount",
                catalog.catalog().codes(ledger.core.classification.Classification.ECONOMIC).size());
    }
}
