package ledger.api.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import ledger.api.department.DepartmentFile;
import ledger.api.department.DepartmentListing;
import ledger.api.department.Departments;
import ledger.core.account.FiscalYear;
import ledger.core.department.DepartmentUnit;
import ledger.core.department.DepartmentsRegistered;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The departments and their units: any signed-in user reads them; only an approver registers a file
 * (the security configuration says so), the whole file or nothing, refused as a 422 problem naming
 * each line.
 */
@RestController
@RequestMapping("/api/departments")
class DepartmentApi {

    private final Departments departments;

    DepartmentApi(Departments departments) {
        this.departments = departments;
    }

    /** The registrations asked for, and how many registrations were stored. */
    record DepartmentDocument(Integer year, List<DepartmentUnit> units, int registrations) {}

    @Operation(
            summary =
                    "Registered departments and units: every registration, or those in force in a year"
                            + " (format=json or tsv)")
    @GetMapping
    ResponseEntity<?> list(
            @RequestParam(name = "year", required = false) String year,
            @RequestParam(name = "department", required = false) String department,
            @RequestParam(name = "format", defaultValue = "json") String format) {
        Integer fiscalYear = year == null ? null : year(year).value();
        var register = departments.current();
        List<DepartmentUnit> units = DepartmentListing.select(register, fiscalYear, department);
        if (format.equals("tsv")) {
            return ResponseEntity.ok()
                    .contentType(
                            new MediaType("text", "tab-separated-values", StandardCharsets.UTF_8))
                    .body(DepartmentListing.tsv(units));
        }
        if (!format.equals("json")) {
            throw BadRequest.malformed("format", ledger.core.text.Reason.of("format.jsonOrTsv"));
        }
        return ResponseEntity.ok(
                new DepartmentDocument(fiscalYear, units, register.registrations().size()));
    }

    @Operation(
            summary =
                    "Register departments' units (CSV or xlsx, form field 'file'): all of it or nothing")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    RegistrationResult register(@RequestPart("file") MultipartFile file, Principal user)
            throws IOException {
        String name =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "upload"
                        : file.getOriginalFilename();
        DepartmentsRegistered registered =
                departments.register(
                        DepartmentFile.read(file.getBytes(), name),
                        name,
                        LedgerController.userOf(user));
        return new RegistrationResult(
                registered.source(),
                registered.units().size(),
                DepartmentListing.summary(registered));
    }

    record RegistrationResult(String source, int units, String summary) {}

    static FiscalYear year(String text) {
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
