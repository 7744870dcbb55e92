package org.backstory.site;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "site/home";
	}

}
