package com.clientservices.desk.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The desk's own sign-in page for the portal and the audit pages: it says whose page it is and
 * what went wrong in words, labelled for screen readers (docs/specification.md §13). The form
 * posts to /login, which Spring Security handles as before.
 */
@Controller
class SignInPage {

    @GetMapping("/login")
    String signIn(
            @RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "logout", required = false) String logout,
            Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", logout != null);
        return "sign-in";
    }
}
