package org.backstory.api.web;

import java.util.List;
import java.util.Map;

import org.backstory.api.GhostPosts;
import org.backstory.publishing.Article;
import org.backstory.publishing.Author;
import org.backstory.publishing.PublishedCount;
import org.backstory.publishing.Tag;
import org.backstory.publishing.Vocabulary;
import org.backstory.shared.BackstoryProperties;

/**
 * An article as Ghost's Admin API gives a post to staff: {@link GhostPosts#adminPost}
 * with the whole body, the gated part included (after Ghost's
 * {@code <!--members-only-->}), and its tags and authors in the Content API's shapes
 * ({@link GhostJson}).
 */
final class AdminPostJson {

	private final GhostJson ghost;

	private final GhostPosts posts;

	AdminPostJson(BackstoryProperties site) {
		this.ghost = new GhostJson(site);
		this.posts = new GhostPosts(site);
	}

	/**
	 * The post for a caller the newsroom lets see this article.
	 * @param html the whole body as Ghost stores it: the preview, and after Ghost's
	 * {@code <!--members-only-->} the gated part ({@code ArticleGate#wholeForStaff})
	 */
	Map<String, Object> post(Article article, String html, String status, Vocabulary vocabulary) {
		List<Map<String, Object>> tags = article.tags()
			.stream()
			.flatMap(
					ref -> vocabulary.tags().stream().filter(tag -> tag.slug().equals(ref.slug())).findFirst().stream())
			.map(tag -> ghost.tag(new PublishedCount<Tag>(tag, 0), false))
			.toList();
		List<Map<String, Object>> authors = article.authors()
			.stream()
			.flatMap(ref -> vocabulary.authors()
				.stream()
				.filter(author -> author.slug().equals(ref.slug()))
				.findFirst()
				.stream())
			.map(author -> ghost.author(new PublishedCount<Author>(author, 0), false))
			.toList();
		return posts.adminPost(article, html, status, tags, authors);
	}

}
