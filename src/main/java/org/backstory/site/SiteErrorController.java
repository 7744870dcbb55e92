package org.backstory.site;

import java.util.Objects;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.shared.web.RequestIds;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error the container forwards (unknown paths, unknown slugs, 403s, 500s) becomes a
 * friendly page framed like the rest of the site, whatever the client asked for. It
 * replaces Boot's default error controller, so no JSON error body with internals is ever
 * sent either. The page shows the request's id for the reader to quote.
 */
@Controller
class SiteErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	String error(HttpServletRequest request, HttpServletResponse response, Model model) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// Asked for directly, /error is just a page that does not exist.
		int status = code instanceof Integer value && value >= 400 ? value : 404;
		response.setStatus(status);
		model.addAttribute("error",
				status == 403 && request.getAttribute(RefusalAdvice.SENTENCE) instanceof String sentence
						? ErrorPage.refused(sentence) : ErrorPage.of(status));
		// The request's id, so a reader who writes in can be found in the logs.
		model.addAttribute("reference", Objects.requireNonNullElse(RequestIds.of(request), ""));
		return "site/error";
	}

}
