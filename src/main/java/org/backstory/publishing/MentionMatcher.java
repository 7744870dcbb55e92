package org.backstory.publishing;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds which entities a text names, by their names and aliases. Pure: no I/O.
 * <p>
 * Rules: a name matches only as whole words, where a word character is any Unicode
 * letter, digit or combining mark (so "Kim" is found in "Kim's" and "(Kim)" but not in
 * "Kimchi" or "Ekim", and "Zoë" is not found in "Zoëlle"). A name written all in lower
 * case ("the junta") matches in any case; a name with a capital letter ("Kim", "EU")
 * matches only as written, so the alias "Kim" does not match "kim" and "US" does not
 * match "us". Whitespace inside a name matches any run of whitespace, so a line break in
 * the Markdown does not hide a name. Link targets and HTML comments are not text a reader
 * sees and are skipped.
 */
final class MentionMatcher {

	/** One name or alias of an entity. */
	record Name(long entityId, String text) {
	}

	private static final String WORD_CHAR = "[\\p{L}\\p{N}\\p{M}]";

	private static final Pattern INVISIBLE = Pattern.compile("\\]\\([^)]*\\)|<!--.*?-->", Pattern.DOTALL);

	private record Rule(long entityId, Pattern pattern, String text, boolean anyCase) {
	}

	private final List<Rule> rules;

	MentionMatcher(Collection<Name> names) {
		this.rules = names.stream().filter(name -> !name.text().isBlank()).map(MentionMatcher::rule).toList();
	}

	private static Rule rule(Name name) {
		String text = name.text().strip();
		boolean anyCase = text.equals(text.toLowerCase(Locale.ROOT));
		String words = String.join("\\s+", List.of(text.split("\\s+")).stream().map(Pattern::quote).toList());
		int flags = anyCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
		return new Rule(name.entityId(),
				Pattern.compile("(?<!" + WORD_CHAR + ")" + words + "(?!" + WORD_CHAR + ")", flags), text, anyCase);
	}

	/** The entities named in {@code text}, in the order of the names given. */
	Set<Long> entitiesIn(String text) {
		String visible = INVISIBLE.matcher(text).replaceAll("]");
		Set<Long> found = new LinkedHashSet<>();
		for (Rule rule : rules) {
			if (!found.contains(rule.entityId()) && rule.pattern().matcher(visible).find()) {
				found.add(rule.entityId());
			}
		}
		return found;
	}

	/**
	 * The entity a whole string names (a quote's speaker), by the same case rules,
	 * ignoring surrounding and repeated whitespace; the first name given wins if two
	 * could.
	 */
	Optional<Long> entityNamed(String speaker) {
		String wanted = String.join(" ", speaker.strip().split("\\s+"));
		return rules.stream().filter(rule -> {
			String name = String.join(" ", rule.text().split("\\s+"));
			return rule.anyCase() ? name.equalsIgnoreCase(wanted) : name.equals(wanted);
		}).map(Rule::entityId).findFirst();
	}

}
