package ledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import ledger.api.department.DepartmentFile;
import ledger.api.department.DepartmentListing;
import ledger.api.department.Departments;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The registered departments and the form that registers a file of units: for approvers only (the
 * security configuration). A refused file lists every bad line.
 */
@Controller
class DepartmentPages {

    static final String PATH = "/departments";

    private final Departments departments;

    DepartmentPages(Departments departments) {
        this.departments = departments;
    }

    @GetMapping(PATH)
    String show(Model model) {
        fill(model);
        return "departments";
    }

    @PostMapping(PATH)
    String register(
            @RequestParam(name = "file", required = false) MultipartFile file,
            Principal user,
            Model model,
            HttpServletResponse response)
            throws IOException {
        UploadForm.loadWhole(
                file,
                user,
                model,
                response,
                "registered",
                (bytes, name, actor) ->
                        DepartmentListing.summary(
                                departments.register(
                                        DepartmentFile.read(bytes, name), name, actor)));
        fill(model);
        return "departments";
    }

    private void fill(Model model) {
        model.addAttribute("page", "departments");
        model.addAttribute("units", departments.current().all());
    }
}
