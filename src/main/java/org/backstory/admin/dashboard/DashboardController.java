package org.backstory.admin.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.OfferFigures;
import org.backstory.publishing.PublicationService;
import org.backstory.shared.web.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The business dashboard ({@code /admin/dashboard}, administrators and the owner). */
@Controller
class DashboardController {

	private final DashboardFigures figures;

	private final PublicationService publications;

	private final OfferFigures offers;

	DashboardController(DashboardFigures figures, PublicationService publications, OfferFigures offers) {
		this.figures = figures;
		this.publications = publications;
		this.offers = offers;
	}

	@GetMapping("/admin/dashboard")
	String dashboard(@RequestParam(defaultValue = "90d") String range, Model model, HttpServletResponse response) {
		DashboardRange chosen = DashboardRange.fromCode(range)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "range must be 90d or 12m"));
		Responses.personal(response);
		model.addAttribute("page",
				DashboardCharts.page(figures.figures(chosen), publications.publication().accentColor()));
		model.addAttribute("offers", offers.figures());
		return "admin/dashboard";
	}

}
