package org.backstory.publishing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The checks an article draft and the names around it must pass before anything is
 * written, phrased for the editor who will read them. Pure; the database repeats the
 * essential ones as constraints.
 */
final class EditorialRules {

	static final int MAX_SLUG = 100;

	static final int MAX_TITLE = 200;

	static final int MAX_DEK = 300;

	static final int MAX_BODY = 200_000;

	static final int MAX_URL = 2_000;

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	/**
	 * Control characters other than tab and line breaks: paste debris that HTML and XML
	 * cannot carry.
	 */
	private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

	private EditorialRules() {
	}

	/**
	 * What is wrong with the draft's own fields; references to authors, tags and
	 * storylines are checked later.
	 */
	static List<String> problems(ArticleDraft draft) {
		List<String> problems = new ArrayList<>();
		slugProblem("The article's slug", draft.slug()).ifPresent(problems::add);
		nameProblem("The title", draft.title(), MAX_TITLE).ifPresent(problems::add);
		if (plain(draft.dek()).length() > MAX_DEK) {
			problems.add("The dek must be at most " + MAX_DEK + " characters.");
		}
		HouseText text = draft.text();
		if (plain(text.body() + text.background() + text.now()).isBlank()) {
			problems.add("The body must not be empty.");
		}
		else if (text.length() > MAX_BODY) {
			problems.add(String.format(Locale.ROOT,
					"The body is %,d characters long; an article can have at most %,d." + " Nothing was saved.",
					text.length(), MAX_BODY));
		}
		if (draft.authorSlugs().isEmpty()) {
			problems.add("An article needs at least one author.");
		}
		duplicate(draft.authorSlugs()).ifPresent(slug -> problems.add("The author '" + slug + "' is listed twice."));
		duplicate(draft.tagSlugs()).ifPresent(slug -> problems.add("The tag '" + slug + "' is listed twice."));
		if (draft.storylineSlug() == null && draft.storylinePosition() != null) {
			problems.add("A storyline position needs a storyline.");
		}
		if (draft.storylinePosition() != null && draft.storylinePosition() < 1) {
			problems.add("Storyline positions start at 1.");
		}
		imageProblem("The cover image", draft.coverImageUrl()).ifPresent(problems::add);
		if (plain(draft.seo().title()).length() > MAX_TITLE) {
			problems.add("The SEO title must be at most " + MAX_TITLE + " characters.");
		}
		if (plain(draft.seo().description()).length() > MAX_DEK) {
			problems.add("The SEO description must be at most " + MAX_DEK + " characters.");
		}
		imageProblem("The social image", draft.seo().socialImageUrl()).ifPresent(problems::add);
		for (String tier : draft.visibility().tiers()) {
			if (tier.isBlank() || tier.length() > 40) {
				problems.add("Tier codes must be 1 to 40 characters.");
			}
		}
		return problems;
	}

	/** The text without control characters (other than tab and line breaks). */
	static String withoutControls(String text) {
		return CONTROL.matcher(text).replaceAll("");
	}

	/** A one-line field as stored: without control characters or surrounding blanks. */
	static String plain(String text) {
		return withoutControls(text).strip();
	}

	/** Why {@code slug} is not a valid slug, naming it as {@code what}. */
	static Optional<String> slugProblem(String what, String slug) {
		if (slug.length() > MAX_SLUG || !SLUG.matcher(slug).matches()) {
			return Optional.of(what + " '" + abbreviate(slug) + "' must be lowercase letters and digits in words"
					+ " joined by single hyphens, at most " + MAX_SLUG + " characters.");
		}
		return Optional.empty();
	}

	/**
	 * Why a name-like field (an author's name, a tag's name, a storyline's title) is not
	 * acceptable.
	 */
	static Optional<String> nameProblem(String what, String value, int max) {
		String plain = plain(value);
		if (plain.isEmpty()) {
			return Optional.of(what + " must not be empty.");
		}
		if (plain.length() > max) {
			return Optional.of(what + " must be at most " + max + " characters.");
		}
		return Optional.empty();
	}

	/**
	 * Why a tag's description (already {@link #plain}) is not acceptable: it is too long.
	 */
	static Optional<String> tagDescriptionProblem(String description) {
		return description.length() > Tag.MAX_DESCRIPTION
				? Optional.of("The tag's description must be at most " + Tag.MAX_DESCRIPTION + " characters.")
				: Optional.empty();
	}

	/**
	 * Refuses with every problem found, or does nothing when there is none.
	 * @throws InvalidArticleException listing the problems
	 */
	@SafeVarargs
	static void check(Optional<String>... problems) {
		List<String> found = Arrays.stream(problems).flatMap(Optional::stream).toList();
		if (!found.isEmpty()) {
			throw new InvalidArticleException(found);
		}
	}

	private static Optional<String> imageProblem(String what, @Nullable String url) {
		if (url == null) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(url);
			boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
			if (web && uri.getHost() != null && url.length() <= MAX_URL) {
				return Optional.empty();
			}
		}
		catch (URISyntaxException ex) {
			// reported below like any other unusable address
		}
		return Optional.of(what + " must be an http or https address of at most " + MAX_URL + " characters.");
	}

	private static Optional<String> duplicate(List<String> values) {
		HashSet<String> seen = new HashSet<>();
		return values.stream().filter(value -> !seen.add(value)).findFirst();
	}

	static String abbreviate(String value) {
		return value.length() <= 40 ? value : value.substring(0, 40) + "…";
	}

}
