package ledger.api.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form, in Chinese and styled like every other page (Spring's own is English). */
@Controller
class SignInPage {

    @GetMapping("/login")
    String signIn(Model model) {
        model.addAttribute("page", "login");
        return "login";
    }
}
