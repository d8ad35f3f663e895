package ledger.api.web;

import java.io.IOException;
import java.security.Principal;
import ledger.api.department.DepartmentFile;
import ledger.api.department.DepartmentListing;
import ledger.api.department.Departments;
import ledger.api.recording.JournalRefused;
import ledger.core.department.DepartmentsRegistered;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The registered departments and the form that registers a file of units: for approvers only
 * (the security configuration). A refused file lists every bad line.
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
    String register(@RequestParam(name = "file", required = false) MultipartFile file, Principal user, Model model,
                    HttpServletResponse response) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("empty", true);
        } else {
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "上传的文件"
                    : file.getOriginalFilename();
            model.addAttribute("fileName", name);
            try {
                DepartmentsRegistered registered = departments.register(DepartmentFile.read(file.getBytes(), name),
                        name, user == null ? "web:anonymous" : "web:" + user.getName());
                model.addAttribute("registered", DepartmentListing.summary(registered));
            } catch (JournalRefused refused) {
                response.setStatus(422);
                model.addAttribute("problems", refused.problems());
            }
        }
        fill(model);
        return "departments";
    }

    private void fill(Model model) {
        model.addAttribute("page", "departments");
        model.addAttribute("units", departments.current().all());
    }
}
