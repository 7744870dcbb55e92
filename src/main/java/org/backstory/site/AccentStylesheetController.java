package org.backstory.site;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The publication's accent colour as a one-rule stylesheet
 * ({@code PageChrome.accentStylesheet()} links it), so no page needs an inline style and
 * the Content-Security-Policy can allow styles from this site only. The colour is in the
 * address: a new colour is a new address, so each sheet may be cached for a year.
 */
@Controller
class AccentStylesheetController {

	@GetMapping(path = "/assets/accent-{colour:[0-9a-f]{6}}.css", produces = "text/css;charset=UTF-8")
	@ResponseBody
	String accent(@PathVariable String colour, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
		return ":root { --accent: #" + colour + "; }\n";
	}

}
