package org.backstory.admin.engagement;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.shared.web.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * An article's engagement ({@code /admin/dashboard/articles/{id}}): under the dashboard,
 * so for the roles that see revenue (administrators and the owner), by the dashboard's
 * own rule in the security filter chain.
 */
@Controller
class ArticleEngagementController {

	private final ArticleEngagement engagement;

	ArticleEngagementController(ArticleEngagement engagement) {
		this.engagement = engagement;
	}

	@GetMapping("/admin/dashboard/articles/{articleId}")
	String article(@PathVariable long articleId, Model model, HttpServletResponse response) {
		Responses.personal(response);
		model.addAttribute("page", engagement.of(articleId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such article")));
		return "admin/article-engagement";
	}

}
