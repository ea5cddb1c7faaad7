package com.perfectframe.web;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Routes browsers to the page. {@code GET /} with {@code Accept: text/html} (what a browser asks for) is redirected to
 * {@code /ui/}; any other {@code Accept}, including curl's and the original client's {@code *}{@code /*}, still gets
 * the JSON status from {@code StatusController}, because Spring prefers the mapping without {@code produces} for a
 * wildcard.
 */
@Controller
class PageController {

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String browserHome() {
        return "redirect:/ui/";
    }

    @GetMapping("/ui")
    String withoutSlash() {
        return "redirect:/ui/";
    }

    @GetMapping("/ui/")
    String page() {
        return "forward:/ui/index.html";
    }
}
