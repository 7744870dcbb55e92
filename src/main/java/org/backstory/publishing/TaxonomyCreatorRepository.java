package org.backstory.publishing;

import static org.backstory.publishing.ArticleCatalogRepository.utc;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL behind {@link TaxonomyCreator}: inserts that keep an existing row with the same
 * slug and return whichever row has it.
 */
@Component
class TaxonomyCreatorRepository {

	private final JdbcClient jdbc;

	TaxonomyCreatorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Author insertAuthor(String slug, String name, String bio, @Nullable Long memberId, Instant now) {
		jdbc.sql(
				"""
						insert into publishing.author (slug, name, bio, member_id, created_at) values (:slug, :name, :bio, :member, :now)
						on conflict (slug) do nothing
						""")
			.param("slug", slug)
			.param("name", name)
			.param("bio", bio)
			.param("member", memberId)
			.param("now", utc(now))
			.update();
		return jdbc.sql("select id, slug, name, bio, member_id from publishing.author where slug = ?")
			.param(slug)
			.query((rs, row) -> new Author(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, Long.class)))
			.single();
	}

	Tag insertTag(String slug, String name, String description, Instant now) {
		jdbc.sql("""
				insert into publishing.tag (slug, name, description, created_at) values (?, ?, ?, ?)
				on conflict (slug) do nothing
				""").params(slug, name, description, utc(now)).update();
		return jdbc.sql("select id, slug, name, description from publishing.tag where slug = ?")
			.param(slug)
			.query((rs, row) -> new Tag(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
	}

	Storyline insertStoryline(String slug, String title, String description, Instant now) {
		jdbc.sql("""
				insert into publishing.storyline (slug, title, description, created_at) values (?, ?, ?, ?)
				on conflict (slug) do nothing
				""").params(slug, title, description, utc(now)).update();
		return jdbc.sql("select id, slug, title, description from publishing.storyline where slug = ?")
			.param(slug)
			.query((rs, row) -> new Storyline(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
	}

}
