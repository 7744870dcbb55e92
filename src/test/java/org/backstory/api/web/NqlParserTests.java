package org.backstory.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.backstory.publishing.ArticleFilter;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ghost's filter language read into a tree, and that tree checked into the catalog's
 * filter.
 */
class NqlParserTests {

	private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

	private final PostFilter posts = new PostFilter(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void andBindsTighterThanOrAndBracketsGroup() {
		assertThat(NqlParser.parse("tag:a,tag:b+featured:true")).isEqualTo(new Nql.Or(List.of(condition("tag", "a", 0),
				new Nql.And(List.of(condition("tag", "b", 6), condition("featured", "true", 12))))));
		assertThat(NqlParser.parse("(tag:a,tag:b)+featured:true"))
			.isEqualTo(new Nql.And(List.of(new Nql.Or(List.of(condition("tag", "a", 1), condition("tag", "b", 7))),
					condition("featured", "true", 14))));
	}

	@Test
	void listsNegationOperatorsAndQuotedValues() {
		Nql.Condition list = (Nql.Condition) NqlParser.parse("tags:-[a, 'b c']");
		Nql.Condition after = (Nql.Condition) NqlParser.parse("published_at:>='2024-01-01 10:00:00'");
		Nql.Condition contains = (Nql.Condition) NqlParser.parse("title:~'it\\'s'");

		assertThat(list.negated()).isTrue();
		assertThat(list.operator()).isEqualTo(Nql.Operator.IN);
		assertThat(list.values()).containsExactly(new Nql.Value("a", false), new Nql.Value("b c", true));
		assertThat(after.operator()).isEqualTo(Nql.Operator.GREATER_OR_EQUAL);
		assertThat(after.values().get(0).text()).isEqualTo("2024-01-01 10:00:00");
		assertThat(contains.operator()).isEqualTo(Nql.Operator.CONTAINS);
		assertThat(contains.values().get(0).text()).isEqualTo("it's");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "tag", "tag:", ":a", "tag:a+", "tag:a,", "(tag:a", "tag:a)", "tag:[a", "tag:[]",
			"tag:'open", "tag:a b", "tag:a<b" })
	void malformedFiltersAreRefusedWithWhere(String filter) {
		assertThatThrownBy(() -> NqlParser.parse(filter)).isInstanceOf(NqlException.class)
			.hasMessageStartingWith("Query Error: unexpected");
	}

	@Test
	void deepNestingAndLongFiltersAreRefused() {
		assertThatThrownBy(() -> NqlParser.parse("(".repeat(30) + "tag:a" + ")".repeat(30)))
			.isInstanceOf(NqlException.class);
		assertThatThrownBy(() -> NqlParser.parse("tag:" + "a".repeat(NqlParser.MAX_LENGTH)))
			.isInstanceOf(NqlException.class);
	}

	@Test
	void postPropertiesBecomeCatalogFilters() {
		assertThat(filter("tag:a+primary_author:b")).isEqualTo(new ArticleFilter.All(
				List.of(new ArticleFilter.TagIn(Set.of("a"), false), new ArticleFilter.AuthorIn(Set.of("b"), true))));
		assertThat(filter("id:-12")).isEqualTo(new ArticleFilter.Not(new ArticleFilter.IdIn(Set.of(12L))));
		assertThat(filter("id:5f3a2b1c9d8e7f6a5b4c3d2e")).isEqualTo(new ArticleFilter.Any(List.of()));
		assertThat(filter("visibility:[paid,tiers]"))
			.isEqualTo(new ArticleFilter.VisibilityIn(Set.of(Visibility.Level.PAID, Visibility.Level.TIERS)));
		assertThat(filter("featured:true")).isEqualTo(new ArticleFilter.Any(List.of()));
		assertThat(filter("featured:false")).isEqualTo(ArticleFilter.everything());
		assertThat(filter("title:~$'end'"))
			.isEqualTo(new ArticleFilter.TitleMatch(ArticleFilter.TextMatch.ENDS, "end"));
	}

	@Test
	void datesAbsoluteAndRelative() {
		assertThat(filter("published_at:>now-30d")).isEqualTo(
				new ArticleFilter.PublishedAt(ArticleFilter.Comparison.AFTER, Instant.parse("2026-11-07T12:00:00Z")));
		assertThat(filter("published_at:<'2024-01-31'")).isEqualTo(
				new ArticleFilter.PublishedAt(ArticleFilter.Comparison.BEFORE, Instant.parse("2024-01-31T00:00:00Z")));
		assertThat(filter("published_at:<='2024-01-31 10:20:30'")).isEqualTo(new ArticleFilter.PublishedAt(
				ArticleFilter.Comparison.AT_OR_BEFORE, Instant.parse("2024-01-31T10:20:30Z")));
		assertThat(filter("published_at:>'2024-01-31T10:20:30.000+02:00'")).isEqualTo(
				new ArticleFilter.PublishedAt(ArticleFilter.Comparison.AFTER, Instant.parse("2024-01-31T08:20:30Z")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "authors.email:a@b.c", "authors.password:x", "status:draft", "tag:null", "tag:>a",
			"visibility:secret", "featured:maybe", "published_at:~'2024'", "published_at:>'soon'", "title:'exact'",
			"published_at:[now,now]" })
	void propertiesOperatorsAndValuesOutsideTheSubsetAreRefused(String filter) {
		assertThatThrownBy(() -> filter(filter)).isInstanceOf(NqlException.class)
			.hasMessageStartingWith("Query Error:");
	}

	private ArticleFilter filter(String nql) {
		return posts.of(NqlParser.parse(nql));
	}

	private static Nql.Condition condition(String property, String value, int position) {
		return new Nql.Condition(property, Nql.Operator.EQUALS, false, List.of(new Nql.Value(value, false)), position);
	}

}
