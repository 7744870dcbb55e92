package org.backstory.site;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.backstory.access.ArticleGate;
import org.backstory.access.GraceWarning;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.backstory.shared.Dates;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.PageChrome;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the page chrome into every controller's model, so every template can frame itself.
 * A signed-in member's chrome carries the end of their grace period when their renewal
 * failed, so every page warns them (such pages are personal and never cached publicly).
 */
@ControllerAdvice
class PageChromeAdvice {

	private final PublicationService publications;

	private final ArticleGate gate;

	PageChromeAdvice(PublicationService publications, ArticleGate gate) {
		this.publications = publications;
		this.gate = gate;
	}

	@ModelAttribute("chrome")
	PageChrome chrome(@AuthenticationPrincipal @Nullable SignedInMember member, HttpServletRequest request) {
		Publication publication = publications.publication();
		if (member == null) {
			return new PageChrome(publication.name(), publication.tagline(), publication.accentColor(),
					publication.logoUrl(), null, false, null);
		}
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		Optional<GraceWarning> warning = gate.graceWarning(member.id());
		return new PageChrome(publication.name(), publication.tagline(), publication.accentColor(),
				publication.logoUrl(), member.name(), member.role().staff(), token == null ? null : CsrfField.of(token),
				warning.map(w -> Dates.readerDate(w.endsAt())).orElse(null),
				warning.map(w -> w.settledBy().name().toLowerCase(Locale.ROOT)).orElse(null));
	}

}
