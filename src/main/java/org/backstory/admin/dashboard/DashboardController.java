package org.backstory.admin.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.OfferFigures;
import org.backstory.publishing.PublicationService;
import org.backstory.shared.web.Responses;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The business dashboard ({@code /admin/dashboard}, administrators and the owner). */
@Controller
class DashboardController {

	private final DashboardFigures figures;

	private final PublicationService publications;

	private final DashboardRates rates;

	private final OfferFigures offers;

	DashboardController(DashboardFigures figures, DashboardRates rates, PublicationService publications,
			OfferFigures offers) {
		this.figures = figures;
		this.rates = rates;
		this.publications = publications;
		this.offers = offers;
	}

	/**
	 * An unknown range shows the default one, as a link from an old bookmark would hope.
	 */
	@GetMapping("/admin/dashboard")
	String dashboard(@RequestParam(defaultValue = "90d") String range, Model model, HttpServletResponse response) {
		DashboardRange chosen = DashboardRange.fromCode(range).orElse(DashboardRange.LAST_90_DAYS);
		Responses.personal(response);
		DashboardFigures.Figures shown = figures.figures(chosen);
		model.addAttribute("page",
				DashboardCharts.page(shown, rates.rates(shown), publications.publication().accentColor()));
		model.addAttribute("offers", offers.figures());
		return "admin/dashboard";
	}

}
