package org.backstory.api.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.backstory.access.ReadableArticle;
import org.backstory.api.GhostPosts;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleLinks;
import org.backstory.publishing.ArticleSummary;
import org.backstory.publishing.Author;
import org.backstory.publishing.Entity;
import org.backstory.publishing.LinkedEvent;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublishedCount;
import org.backstory.publishing.SpokenQuote;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.StorylineEvent;
import org.backstory.publishing.Tag;
import org.backstory.shared.BackstoryProperties;
import org.jspecify.annotations.Nullable;

/**
 * Backstory's articles, tags, authors, storylines and entities under Ghost's field names,
 * as Ghost's Content API v5 answers them: ids as strings, empty meta fields as
 * {@code null}. An article is {@link GhostPosts}'s post object (as one reader may receive
 * it: for a key-only call, the preview of a gated article) with the tags and authors the
 * call includes.
 */
final class GhostJson {

	private final BackstoryProperties site;

	private final GhostPosts posts;

	GhostJson(BackstoryProperties site) {
		this.site = site;
		this.posts = new GhostPosts(site);
	}

	Map<String, Object> post(ReadableArticle readable, BrowseParameters parameters,
			Map<String, PublishedCount<Tag>> tags, Map<String, PublishedCount<Author>> authors) {
		Article article = readable.article();
		Map<String, Object> post = posts.post(readable);
		if (!parameters.formats().contains("html")) {
			post.remove("html");
		}
		if (!parameters.formats().contains("plaintext")) {
			post.remove("plaintext");
		}
		retainFields(post, parameters.fields());
		if (parameters.includes("tags")) {
			List<Map<String, Object>> postTags = article.tags()
				.stream()
				.filter(ref -> tags.containsKey(ref.slug()))
				.map(ref -> tag(tags.get(ref.slug()), false))
				.toList();
			post.put("tags", postTags);
			post.put("primary_tag", postTags.isEmpty() ? null : postTags.get(0));
		}
		if (parameters.includes("authors")) {
			List<Map<String, Object>> postAuthors = article.authors()
				.stream()
				.filter(ref -> authors.containsKey(ref.slug()))
				.map(ref -> author(authors.get(ref.slug()), false))
				.toList();
			post.put("authors", postAuthors);
			post.put("primary_author", postAuthors.isEmpty() ? null : postAuthors.get(0));
		}
		return post;
	}

	Map<String, Object> tag(PublishedCount<Tag> counted, boolean withCount) {
		Tag tag = counted.item();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", Long.toString(tag.id()));
		json.put("name", tag.name());
		json.put("slug", tag.slug());
		json.put("description", tag.description().isEmpty() ? null : tag.description());
		json.put("feature_image", null);
		json.put("visibility", "public");
		noSocialCards(json);
		json.put("meta_title", null);
		json.put("meta_description", null);
		json.put("codeinjection_head", null);
		json.put("codeinjection_foot", null);
		json.put("canonical_url", null);
		json.put("accent_color", null);
		json.put("url", site.link("/tag/" + tag.slug()));
		if (withCount) {
			json.put("count", Map.of("posts", counted.articles()));
		}
		return json;
	}

	Map<String, Object> author(PublishedCount<Author> counted, boolean withCount) {
		Author author = counted.item();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", Long.toString(author.id()));
		json.put("name", author.name());
		json.put("slug", author.slug());
		json.put("profile_image", null);
		json.put("cover_image", null);
		json.put("bio", GhostPosts.emptyToNull(author.bio()));
		json.put("website", null);
		json.put("location", null);
		json.put("facebook", null);
		json.put("twitter", null);
		json.put("meta_title", null);
		json.put("meta_description", null);
		json.put("url", site.link("/author/" + author.slug()));
		if (withCount) {
			json.put("count", Map.of("posts", counted.articles()));
		}
		return json;
	}

	/**
	 * An entity in the shape of a tag (Ghost has no entities): id, name, slug,
	 * {@code kind} ({@code person}, {@code place}, {@code organisation}), {@code bio}
	 * (null when empty), {@code aliases}, {@code url} (its page), with
	 * {@code count.posts} (published articles whose free part mentions it) and
	 * {@code quotes} when asked.
	 * @param quotes the quotes to show, already cut to what the caller's reader may see,
	 * or null to leave them out
	 */
	Map<String, Object> entity(PublishedCount<Entity> counted, boolean withCount, @Nullable List<SpokenQuote> quotes) {
		Entity entity = counted.item();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", Long.toString(entity.id()));
		json.put("name", entity.name());
		json.put("slug", entity.slug());
		json.put("kind", entity.kind().code());
		json.put("bio", GhostPosts.emptyToNull(entity.bio()));
		json.put("aliases", entity.aliases());
		json.put("url", site.link("/who/" + entity.slug()));
		if (withCount) {
			json.put("count", Map.of("posts", counted.articles()));
		}
		if (quotes != null) {
			json.put("quotes", quotes.stream().map(this::quote).toList());
		}
		return json;
	}

	/**
	 * A storyline in the shape of a tag (Ghost has none): id, slug, title (also as
	 * {@code name}), description (null when empty), url (its timeline), with
	 * {@code count.posts} (published parts) and {@code events} when asked.
	 * @param events the storyline's events as readers see them (each with its article
	 * while that is published), or null to leave them out
	 */
	Map<String, Object> storyline(PublishedCount<Storyline> counted, boolean withCount,
			@Nullable List<LinkedEvent> events) {
		Storyline storyline = counted.item();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", Long.toString(storyline.id()));
		json.put("name", storyline.title());
		json.put("slug", storyline.slug());
		json.put("description", GhostPosts.emptyToNull(storyline.description()));
		json.put("url", site.link("/story/" + storyline.slug()));
		if (withCount) {
			json.put("count", Map.of("posts", counted.articles()));
		}
		if (events != null) {
			json.put("events", events.stream().map(this::event).toList());
		}
		return json;
	}

	private Map<String, Object> event(LinkedEvent linked) {
		StorylineEvent event = linked.event();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", Long.toString(event.id()));
		json.put("date", event.date().written());
		json.put("date_precision", event.date().precision().name().toLowerCase(Locale.ROOT));
		json.put("summary", event.summary());
		json.put("quote", GhostPosts.emptyToNull(event.quote()));
		json.put("speaker", GhostPosts.emptyToNull(event.speaker()));
		json.put("sources",
				event.sources().stream().map(source -> Map.of("url", source.url(), "label", source.label())).toList());
		json.put("key_event", event.key());
		json.put("post", linked.article() == null ? null : postLink(linked.article()));
		return json;
	}

	private Map<String, Object> quote(SpokenQuote quote) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("text", quote.text());
		json.put("said_on", quote.saidOn() == null ? null : quote.saidOn().toString());
		json.put("post", postLink(quote.article()));
		return json;
	}

	/**
	 * The few fields that name an article where another object links to it: public, no
	 * text.
	 */
	private Map<String, Object> postLink(ArticleSummary article) {
		Map<String, Object> post = new LinkedHashMap<>();
		post.put("id", Long.toString(article.id()));
		post.put("slug", article.slug());
		post.put("title", article.title());
		post.put("url", site.link(ArticleLinks.page(article.slug())));
		return post;
	}

	/**
	 * The start of Ghost's site and settings objects: the publication's name, tagline,
	 * logo and accent colour (Backstory has no separate icon).
	 */
	static Map<String, Object> publication(Publication publication) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("title", publication.name());
		json.put("description", publication.tagline());
		json.put("logo", publication.logoUrl());
		json.put("icon", null);
		json.put("accent_color", publication.accentColor());
		return json;
	}

	/**
	 * Ghost's Open Graph and Twitter card fields, which Backstory keeps none of for tags
	 * or the site: null.
	 */
	static void noSocialCards(Map<String, Object> json) {
		for (String field : List.of("og_image", "og_title", "og_description", "twitter_image", "twitter_title",
				"twitter_description")) {
			json.put(field, null);
		}
	}

	static Map<String, Object> retainFields(Map<String, Object> item, Set<String> fields) {
		if (!fields.isEmpty()) {
			item.keySet().retainAll(fields);
		}
		return item;
	}

}
