package org.backstory.newsletters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The newsletters table. */
@Repository
class NewsletterRepository {

	private static final String SELECT = """
			select id, slug, name, description, sender_name, sender_address, reply_to, default_on
			from newsletters.newsletter""";

	private final JdbcClient jdbc;

	NewsletterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Newsletter> all() {
		return jdbc.sql(SELECT + " order by position, id").query((rs, row) -> map(rs)).list();
	}

	Optional<Newsletter> find(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query((rs, row) -> map(rs)).optional();
	}

	Optional<Newsletter> findBySlug(String slug) {
		return jdbc.sql(SELECT + " where slug = :slug").param("slug", slug).query((rs, row) -> map(rs)).optional();
	}

	/** Inserts unless the slug is taken; the new id, or empty. */
	Optional<Long> insert(NewsletterSettings settings, Instant now) {
		return jdbc
			.sql("""
					insert into newsletters.newsletter
					  (slug, name, description, sender_name, sender_address, reply_to, default_on, position, created_at, updated_at)
					values (:slug, :name, :description, :senderName, :senderAddress, :replyTo, :defaultOn,
					  (select coalesce(max(position), 0) + 1 from newsletters.newsletter), :now, :now)
					on conflict (slug) do nothing
					returning id""")
			.params(params(settings, now))
			.query(Long.class)
			.optional();
	}

	/** Whether a newsletter with this id was there to change. */
	boolean update(long id, NewsletterSettings settings, Instant now) {
		return jdbc.sql("""
				update newsletters.newsletter set slug = :slug, name = :name, description = :description,
				  sender_name = :senderName, sender_address = :senderAddress, reply_to = :replyTo,
				  default_on = :defaultOn, updated_at = :now
				where id = :id""").params(params(settings, now)).param("id", id).update() == 1;
	}

	Optional<Long> slugOwner(String slug) {
		return jdbc.sql("select id from newsletters.newsletter where slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.optional();
	}

	private static Map<String, Object> params(NewsletterSettings settings, Instant now) {
		Map<String, Object> params = new HashMap<>();
		params.put("slug", settings.slug());
		params.put("name", settings.name());
		params.put("description", settings.description());
		params.put("senderName", settings.senderName());
		params.put("senderAddress", settings.senderAddress());
		params.put("replyTo", settings.replyTo());
		params.put("defaultOn", settings.defaultOn());
		params.put("now", Timestamp.from(now));
		return params;
	}

	private static Newsletter map(ResultSet rs) throws SQLException {
		return new Newsletter(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("description"),
				rs.getString("sender_name"), rs.getString("sender_address"), rs.getString("reply_to"),
				rs.getBoolean("default_on"));
	}

}
