package org.backstory.billing;

import java.util.List;

import org.backstory.billing.checkout.OfferService;
import org.springframework.stereotype.Component;

/**
 * How each offer does, for the dashboard: landing page views, redemptions and the
 * conversion between them, over the offer's whole life.
 */
@Component
public class OfferFigures {

	private final OfferService offers;

	OfferFigures(OfferService offers) {
		this.offers = offers;
	}

	/** Every offer, newest first; archived ones too. */
	public List<OfferFigure> figures() {
		return offers.summaries()
			.stream()
			.map(s -> new OfferFigure(s.offer().code(), s.offer().title(), s.offer().active(), s.views(),
					s.redemptions(), s.conversionPercent()))
			.toList();
	}

	/**
	 * One offer's figures.
	 *
	 * @param code its URL slug ({@code /offer/<code>})
	 * @param title its heading
	 * @param active false once archived
	 * @param views landing page views
	 * @param redemptions checkouts that took it (first charge paid or trial started)
	 * @param conversionPercent redemptions per view, in whole percent
	 */
	public record OfferFigure(String code, String title, boolean active, long views, long redemptions,
			int conversionPercent) {
	}

}
