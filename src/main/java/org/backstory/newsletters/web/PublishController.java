package org.backstory.newsletters.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.newsletters.ArticlePublishing;
import org.backstory.newsletters.Audience;
import org.backstory.newsletters.InvalidNewsletterException;
import org.backstory.newsletters.NewsletterSends;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.PublishChoice;
import org.backstory.newsletters.PublishMode;
import org.backstory.publishing.ArticleDesk;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleStatusLine;
import org.backstory.publishing.BackgroundSuggestions;
import org.backstory.shared.web.CsrfField;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff publish an article: on the site only, on the site and by email to a newsletter,
 * or by email only; now or at a time. The full article editor (issue 5) will offer the
 * same choice; this page is its seam.
 */
@Controller
class PublishController {

	private final ArticleEditor articles;

	private final ArticleDesk desk;

	private final ArticlePublishing publishing;

	private final Newsletters newsletters;

	private final NewsletterSends sends;

	private final BackgroundSuggestions background;

	private final Clock clock;

	PublishController(ArticleEditor articles, ArticleDesk desk, ArticlePublishing publishing, Newsletters newsletters,
			NewsletterSends sends, BackgroundSuggestions background, Clock clock) {
		this.background = background;
		this.clock = clock;
		this.articles = articles;
		this.desk = desk;
		this.publishing = publishing;
		this.newsletters = newsletters;
		this.sends = sends;
	}

	/**
	 * The latest articles this staff member may publish: an author sees only their own,
	 * and only once allowed.
	 */
	@GetMapping("/admin/publish")
	String list(@AuthenticationPrincipal SignedInMember staff, Model model) {
		model.addAttribute("articles", desk.publishable(articles.latestForStaff(100), staff));
		model.addAttribute("now", clock.instant());
		return "newsletters/publish-list";
	}

	@GetMapping("/admin/publish/{id}")
	String form(@PathVariable long id, @AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken,
			Model model) {
		requireMayPublish(id, staff);
		return render(model, article(id), csrfToken, new PublishForm("SITE_AND_EMAIL", null, "ALL", "now", ""),
				List.of());
	}

	@PostMapping("/admin/publish/{id}")
	String publish(@PathVariable long id, PublishForm form, @AuthenticationPrincipal SignedInMember staff,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		ArticleStatusLine article = article(id);
		requireMayPublish(id, staff);
		try {
			Long send = publishing.publish(id, choice(form), staff);
			if (send != null) {
				redirect.addFlashAttribute("notice", "Published; the newsletter send is under way or scheduled.");
				return "redirect:/admin/newsletters/sends/" + send;
			}
			redirect.addFlashAttribute("notice", "Published on the site.");
			return "redirect:/admin/publish";
		}
		catch (InvalidNewsletterException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, article, csrfToken, form, ex.problems());
		}
	}

	private static PublishChoice choice(PublishForm form) {
		PublishMode mode = parse(PublishMode.class, form.mode(), "Choose how to publish.");
		Audience audience = parse(Audience.class, form.audience(), "Choose who gets the email.");
		return new PublishChoice(mode, form.newsletter(), audience, "at".equals(form.when()) ? time(form.at()) : null);
	}

	private static Instant time(String at) {
		try {
			return LocalDateTime.parse(at).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidNewsletterException(List.of("Give the time as a date and a time of day (UTC)."));
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value, String problem) {
		try {
			return Enum.valueOf(type, value == null ? "" : value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidNewsletterException(List.of(problem));
		}
	}

	private String render(Model model, ArticleStatusLine article, CsrfToken csrfToken, PublishForm form,
			List<String> problems) {
		model.addAttribute("article", article);
		model.addAttribute("now", clock.instant());
		model.addAttribute("newsletters", newsletters.all());
		model.addAttribute("sends", sends.ofArticle(article.id()));
		model.addAttribute("staleEvents", background.staleEvents(article.id()));
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "newsletters/publish";
	}

	/**
	 * An author publishes only their own articles, and only those an editor has allowed
	 * them to.
	 */
	private void requireMayPublish(long id, SignedInMember staff) {
		article(id);
		desk.requireMayPublish(id, staff);
	}

	private ArticleStatusLine article(long id) {
		return articles.statusOf(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such article"));
	}

}
