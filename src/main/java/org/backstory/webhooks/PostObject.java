package org.backstory.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backstory.access.ArticleGate;
import org.backstory.api.GhostPosts;
import org.backstory.publishing.Article;
import org.backstory.publishing.AuthorRef;
import org.backstory.publishing.TagRef;
import org.backstory.shared.BackstoryProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * An article as a webhook body's {@code post} object: the Content API's post object
 * ({@link GhostPosts}) with absolute image links, its tags and authors, plus
 * {@code status}, which Ghost's webhook bodies carry from its Admin API (and
 * {@code published_at} null for a draft). The text is what an anonymous reader receives
 * through {@link ArticleGate#openAnonymously}: a gated article's preview only,
 * {@code access:false}, and {@code plaintext}/{@code excerpt} computed from that preview,
 * never from the gated part.
 */
@Component
class PostObject {

	private final ArticleGate gate;

	private final BackstoryProperties site;

	private final GhostPosts ghost;

	PostObject(ArticleGate gate, BackstoryProperties site) {
		this.gate = gate;
		this.site = site;
		this.ghost = new GhostPosts(site);
	}

	/**
	 * The post object; {@code status} is {@code published}, {@code scheduled},
	 * {@code draft} or {@code sent}.
	 */
	Map<String, Object> of(Article article, String status) {
		Map<String, Object> post = ghost.post(gate.openAnonymously(article));
		post.put("feature_image", absolute(article.coverImageUrl()));
		post.put("og_image", absolute(article.seo().socialImageUrl()));
		post.put("status", status);
		if ("draft".equals(status)) {
			post.put("published_at", null);
		}
		List<Map<String, Object>> tags = article.tags().stream().map(this::tag).toList();
		List<Map<String, Object>> authors = article.authors().stream().map(this::author).toList();
		post.put("tags", tags);
		post.put("primary_tag", tags.isEmpty() ? null : tags.get(0));
		post.put("authors", authors);
		post.put("primary_author", authors.isEmpty() ? null : authors.get(0));
		return post;
	}

	private Map<String, Object> tag(TagRef tag) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("name", tag.name());
		object.put("slug", tag.slug());
		object.put("url", site.link("/tag/" + tag.slug()));
		return object;
	}

	private Map<String, Object> author(AuthorRef author) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("name", author.name());
		object.put("slug", author.slug());
		object.put("url", site.link("/author/" + author.slug()));
		return object;
	}

	private @Nullable String absolute(@Nullable String url) {
		return url != null && url.startsWith("/") ? site.link(url) : url;
	}

}
