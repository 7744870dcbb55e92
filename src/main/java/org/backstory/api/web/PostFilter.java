package org.backstory.api.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.backstory.publishing.ArticleFilter;
import org.backstory.publishing.Visibility;

/**
 * Turns a parsed filter on posts into the catalog's {@link ArticleFilter}, checking each
 * property, operator and value: {@code tag}/{@code tags}, {@code primary_tag},
 * {@code author}/{@code authors}, {@code primary_author} (slugs, also as
 * {@code tags.slug} and so on), {@code entity}/{@code entities} (Backstory's: articles
 * whose free part mentions the entity, by slug), {@code id}, {@code slug},
 * {@code featured}, {@code visibility}, {@code published_at} (compared with a date, a
 * date and time, or {@code now-30d}) and {@code title} (with {@code ~}, {@code ~^},
 * {@code ~$}). Anything else is refused with a reason. Backstory has no featured
 * articles: {@code featured:true} matches none.
 */
final class PostFilter {

	private static final Pattern RELATIVE = Pattern.compile("now(?:([+-])(\\d{1,4})([dwMyhms]))?");

	private static final int MAX_VALUES = 100;

	private final Clock clock;

	PostFilter(Clock clock) {
		this.clock = clock;
	}

	ArticleFilter of(Nql nql) {
		if (nql instanceof Nql.And and) {
			return new ArticleFilter.All(and.parts().stream().map(this::of).toList());
		}
		if (nql instanceof Nql.Or or) {
			return new ArticleFilter.Any(or.parts().stream().map(this::of).toList());
		}
		Nql.Condition condition = (Nql.Condition) nql;
		ArticleFilter filter = condition(condition);
		return condition.negated() ? new ArticleFilter.Not(filter) : filter;
	}

	private ArticleFilter condition(Nql.Condition c) {
		return switch (c.property().toLowerCase(Locale.ROOT)) {
			case "tag", "tags", "tags.slug" -> new ArticleFilter.TagIn(slugs(c), false);
			case "primary_tag", "primary_tag.slug" -> new ArticleFilter.TagIn(slugs(c), true);
			case "author", "authors", "authors.slug" -> new ArticleFilter.AuthorIn(slugs(c), false);
			case "primary_author", "primary_author.slug" -> new ArticleFilter.AuthorIn(slugs(c), true);
			case "entity", "entities", "entities.slug" -> new ArticleFilter.EntityIn(slugs(c));
			case "slug" -> new ArticleFilter.SlugIn(slugs(c));
			case "id" -> ids(c);
			case "featured" -> featured(c);
			case "visibility" -> visibility(c);
			case "published_at" -> publishedAt(c);
			case "title" -> title(c);
			default -> throw refuse(c, "filtering by " + c.property() + " is not supported");
		};
	}

	private static Set<String> slugs(Nql.Condition c) {
		return values(c).stream()
			.map(value -> value.toLowerCase(Locale.ROOT))
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static ArticleFilter ids(Nql.Condition c) {
		Set<Long> ids = new LinkedHashSet<>();
		for (String value : values(c)) {
			if (value.matches("[0-9]{1,18}")) {
				ids.add(Long.parseLong(value));
			}
		}
		// An id that is not a number (a Ghost ObjectId, say) is no article's id.
		return ids.isEmpty() ? new ArticleFilter.Any(List.of()) : new ArticleFilter.IdIn(ids);
	}

	private static ArticleFilter featured(Nql.Condition c) {
		List<String> values = values(c);
		if (!values.stream().allMatch(value -> value.equals("true") || value.equals("false"))) {
			throw refuse(c, "featured is true or false");
		}
		// No Backstory article is featured: featured:false matches every article,
		// featured:true none.
		return values.contains("false") ? ArticleFilter.everything() : new ArticleFilter.Any(List.of());
	}

	private static ArticleFilter visibility(Nql.Condition c) {
		Set<Visibility.Level> levels = new LinkedHashSet<>();
		for (String value : values(c)) {
			try {
				levels.add(Visibility.Level.valueOf(value.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw refuse(c, "visibility is public, members, paid or tiers");
			}
		}
		return new ArticleFilter.VisibilityIn(levels);
	}

	private ArticleFilter publishedAt(Nql.Condition c) {
		ArticleFilter.Comparison comparison = switch (c.operator()) {
			case GREATER -> ArticleFilter.Comparison.AFTER;
			case GREATER_OR_EQUAL -> ArticleFilter.Comparison.AT_OR_AFTER;
			case LESS -> ArticleFilter.Comparison.BEFORE;
			case LESS_OR_EQUAL -> ArticleFilter.Comparison.AT_OR_BEFORE;
			case EQUALS -> ArticleFilter.Comparison.AT;
			default -> throw refuse(c, "published_at is compared with >, >=, <, <= or equals one date");
		};
		return new ArticleFilter.PublishedAt(comparison, instant(c, c.values().get(0).text()));
	}

	private static ArticleFilter title(Nql.Condition c) {
		ArticleFilter.TextMatch match = switch (c.operator()) {
			case CONTAINS -> ArticleFilter.TextMatch.CONTAINS;
			case STARTS_WITH -> ArticleFilter.TextMatch.STARTS;
			case ENDS_WITH -> ArticleFilter.TextMatch.ENDS;
			default -> throw refuse(c, "title is matched with ~, ~^ or ~$");
		};
		return new ArticleFilter.TitleMatch(match, c.values().get(0).text());
	}

	/**
	 * The values of a condition that compares for equality (one value, or a list), never
	 * {@code null}.
	 */
	private static List<String> values(Nql.Condition c) {
		if (c.operator() != Nql.Operator.EQUALS && c.operator() != Nql.Operator.IN) {
			throw refuse(c, c.property() + " is compared with : or [a,b] only");
		}
		if (c.values().size() > MAX_VALUES) {
			throw refuse(c, "at most " + MAX_VALUES + " values in a list");
		}
		for (Nql.Value value : c.values()) {
			if (!value.quoted() && value.text().equals("null")) {
				throw refuse(c, "null is not supported");
			}
		}
		return c.values().stream().map(Nql.Value::text).toList();
	}

	private Instant instant(Nql.Condition c, String text) {
		Matcher relative = RELATIVE.matcher(text);
		if (relative.matches()) {
			Instant now = clock.instant();
			if (relative.group(1) == null) {
				return now;
			}
			long amount = Long.parseLong(relative.group(2)) * (relative.group(1).equals("-") ? -1 : 1);
			OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
			OffsetDateTime moved = switch (relative.group(3)) {
				case "d" -> at.plusDays(amount);
				case "w" -> at.plusWeeks(amount);
				case "M" -> at.plusMonths(amount);
				case "y" -> at.plusYears(amount);
				case "h" -> at.plusHours(amount);
				case "m" -> at.plusMinutes(amount);
				default -> at.plusSeconds(amount);
			};
			return moved.toInstant();
		}
		try {
			if (text.length() == 10) {
				return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			String iso = text.replace(' ', 'T');
			if (iso.endsWith("Z") || iso.matches(".*[+-]\\d{2}:\\d{2}$")) {
				return OffsetDateTime.parse(iso).toInstant().truncatedTo(ChronoUnit.MILLIS);
			}
			return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw refuse(c, "published_at needs a date like '2024-01-31', '2024-01-31 10:00:00' or now-30d");
		}
	}

	private static NqlException refuse(Nql.Condition c, String reason) {
		return new NqlException("Query Error: " + reason + " (at char " + (c.position() + 1) + ")");
	}

}
