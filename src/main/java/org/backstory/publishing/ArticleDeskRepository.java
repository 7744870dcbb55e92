package org.backstory.publishing;

import static org.backstory.publishing.ArticleCatalogRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL behind {@link ArticleDesk}: the staff list, loading for the editor, revisions
 * and presence.
 */
@Component
class ArticleDeskRepository {

	/** The status readers see: a scheduled article whose time has come is published. */
	static final String STATUS = """
			case when a.status = 'draft' then 'draft' when a.published_at > :now then 'scheduled' else 'published' end""";

	private static final String REVISION = """
			select id, article_id, version, title, dek, body_markdown, background_markdown, now_markdown, saved_by_name,
			  saved_at, autosave
			from publishing.article_revision""";

	private final JdbcClient jdbc;

	private final StaffArticleListRepository staffList;

	ArticleDeskRepository(JdbcClient jdbc, StaffArticleListRepository staffList) {
		this.jdbc = jdbc;
		this.staffList = staffList;
	}

	/**
	 * The article's authorship and publishing switch, as the permission checks need them.
	 */
	record Standing(long id, boolean draft, boolean own, boolean authorMayPublish, int version) {
	}

	ArticleListing list(ArticleQuery query, @Nullable Long onlyMember, Instant now) {
		return staffList.list(query, onlyMember, now);
	}

	static final String OWN = """
			exists (select 1 from publishing.article_author aa join publishing.author au on au.id = aa.author_id
			  where aa.article_id = a.id and au.member_id = :member)""";

	Optional<Standing> standing(long id, long memberId) {
		return jdbc.sql("select a.id, a.status = 'draft' as draft, " + OWN + """
				as own, a.author_may_publish, a.version from publishing.article a where a.id = :id""")
			.param("id", id)
			.param("member", memberId)
			.query((rs, row) -> new Standing(rs.getLong("id"), rs.getBoolean("draft"), rs.getBoolean("own"),
					rs.getBoolean("author_may_publish"), rs.getInt("version")))
			.optional();
	}

	Optional<String> shownStatus(long id, Instant now) {
		return jdbc.sql("select " + STATUS + " from publishing.article a where a.id = :id")
			.param("id", id)
			.param("now", utc(now))
			.query(String.class)
			.optional();
	}

	Optional<EditableArticle> load(long id, Instant now) {
		return jdbc.sql("""
				select a.*, %s as shown_status, s.slug as storyline_slug
				from publishing.article a left join publishing.storyline s on s.id = a.storyline_id where a.id = :id
				""".formatted(STATUS)).param("id", id).param("now", utc(now)).query((rs, row) -> editable(rs, slugs("""
				select au.slug from publishing.article_author aa join publishing.author au on au.id = aa.author_id
				where aa.article_id = ? order by aa.position""", id), slugs("""
				select t.slug from publishing.article_tag at join publishing.tag t on t.id = at.tag_id
				where at.article_id = ? order by at.position""", id))).optional();
	}

	private List<String> slugs(String sql, long id) {
		return jdbc.sql(sql).param(id).query(String.class).list();
	}

	private static EditableArticle editable(ResultSet rs, List<String> authors, List<String> tags) throws SQLException {
		ArticleDraft draft = new ArticleDraft(
				rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("dek"),
				rs.getString("body_markdown"), rs.getString("background_markdown"), rs.getString("now_markdown"),
				authors, tags, rs.getString("storyline_slug"), rs.getObject("storyline_position", Integer.class),
				rs.getString("cover_image_url"), visibility(rs), new ArticleSeo(rs.getString("seo_title"),
						rs.getString("seo_description"), rs.getString("social_image_url")),
				rs.getBoolean("meter_exempt"));
		return new EditableArticle(draft, rs.getString("shown_status"), instantOrNull(rs, "published_at"),
				rs.getInt("version"), rs.getBoolean("author_may_publish"));
	}

	/**
	 * Locks the article's row until the transaction ends, so a version check and the save
	 * that follows are one step.
	 */
	void lock(long id) {
		jdbc.sql("select id from publishing.article where id = ? for update").param(id).query(Long.class).optional();
	}

	String title(long id) {
		return jdbc.sql("select title from publishing.article where id = ?").param(id).query(String.class).single();
	}

	int version(long id) {
		return jdbc.sql("select version from publishing.article where id = ?").param(id).query(Integer.class).single();
	}

	/** Sets the switch; answers whether that changed it. */
	boolean setAuthorMayPublish(long id, boolean allowed) {
		return jdbc.sql("""
				update publishing.article set author_may_publish = :allowed
				where id = :id and author_may_publish <> :allowed
				""").param("allowed", allowed).param("id", id).update() == 1;
	}

	Optional<Author> authorOfMember(long memberId) {
		return jdbc.sql("select id, slug, name, bio, member_id from publishing.author where member_id = ?")
			.param(memberId)
			.query((rs, row) -> new Author(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, Long.class)))
			.optional();
	}

	boolean authorSlugTaken(String slug) {
		return jdbc.sql("select exists (select 1 from publishing.author where slug = ?)")
			.param(slug)
			.query(Boolean.class)
			.single();
	}

	List<Author> authors() {
		return jdbc.sql("select id, slug, name, bio, member_id from publishing.author order by name, id")
			.query((rs, row) -> new Author(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, Long.class)))
			.list();
	}

	List<Tag> tags() {
		return jdbc.sql("select id, slug, name, description from publishing.tag order by name, id")
			.query((rs, row) -> new Tag(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	List<Storyline> storylines() {
		return jdbc.sql("select id, slug, title, description from publishing.storyline order by title, id")
			.query((rs, row) -> new Storyline(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	Optional<ArticleRevision> latestRevision(long articleId) {
		return jdbc.sql(REVISION + " where article_id = ? order by id desc limit 1")
			.param(articleId)
			.query((rs, row) -> revision(rs))
			.optional();
	}

	/**
	 * The latest revision if it is an autosave by this member made after {@code since}:
	 * the one to replace.
	 */
	Optional<Long> replaceableAutosave(long articleId, long memberId, Instant since) {
		return jdbc.sql("""
				select id from publishing.article_revision r
				where r.id = (select max(id) from publishing.article_revision where article_id = :article)
				  and r.autosave and r.saved_by = :member and r.saved_at >= :since
				""")
			.param("article", articleId)
			.param("member", memberId)
			.param("since", utc(since))
			.query(Long.class)
			.optional();
	}

	/** Keeps the article's current text as a revision. */
	void insertRevision(long articleId, long memberId, String memberName, boolean autosave, Instant now) {
		jdbc.sql("""
				insert into publishing.article_revision
				  (article_id, version, title, dek, body_markdown, background_markdown, now_markdown, saved_by,
				   saved_by_name, autosave, saved_at)
				select id, version, title, dek, body_markdown, background_markdown, now_markdown, :member, :name,
				  :autosave, :now
				from publishing.article where id = :article
				""")
			.param("article", articleId)
			.param("member", memberId)
			.param("name", memberName)
			.param("autosave", autosave)
			.param("now", utc(now))
			.update();
	}

	void replaceRevision(long revisionId, long articleId, Instant now) {
		jdbc.sql("""
				update publishing.article_revision r set version = a.version, title = a.title, dek = a.dek,
				  body_markdown = a.body_markdown, background_markdown = a.background_markdown,
				  now_markdown = a.now_markdown, saved_at = :now
				from publishing.article a where a.id = :article and r.id = :revision
				""").param("article", articleId).param("revision", revisionId).param("now", utc(now)).update();
	}

	List<ArticleRevision> revisions(long articleId) {
		return jdbc.sql(REVISION + " where article_id = ? order by id desc")
			.param(articleId)
			.query((rs, row) -> revision(rs))
			.list();
	}

	Optional<ArticleRevision> revision(long articleId, long revisionId) {
		return jdbc.sql(REVISION + " where article_id = ? and id = ?")
			.params(articleId, revisionId)
			.query((rs, row) -> revision(rs))
			.optional();
	}

	private static ArticleRevision revision(ResultSet rs) throws SQLException {
		return new ArticleRevision(rs.getLong("id"), rs.getLong("article_id"), rs.getInt("version"),
				rs.getString("title"), rs.getString("dek"),
				new HouseText(rs.getString("body_markdown"), rs.getString("background_markdown"),
						rs.getString("now_markdown")),
				rs.getString("saved_by_name"), instantOrNull(rs, "saved_at"), rs.getBoolean("autosave"));
	}

	/**
	 * Records that the member has the article open; a gap longer than {@code staleBefore}
	 * starts a new stint.
	 */
	void touchPresence(long articleId, long memberId, String name, Instant now, Instant staleBefore) {
		jdbc.sql(
				"""
						insert into publishing.editor_presence (article_id, member_id, member_name, opened_at, seen_at)
						values (:article, :member, :name, :now, :now)
						on conflict (article_id, member_id) do update set member_name = excluded.member_name, seen_at = excluded.seen_at,
						  opened_at = case when editor_presence.seen_at < :stale then excluded.opened_at else editor_presence.opened_at end
						""")
			.param("article", articleId)
			.param("member", memberId)
			.param("name", name)
			.param("now", utc(now))
			.param("stale", utc(staleBefore))
			.update();
	}

	List<EditorPresence> othersPresent(long articleId, long memberId, Instant activeSince) {
		return jdbc.sql("""
				select member_name, opened_at from publishing.editor_presence
				where article_id = ? and member_id <> ? and seen_at >= ? order by opened_at
				""")
			.params(articleId, memberId, utc(activeSince))
			.query((rs, row) -> new EditorPresence(rs.getString(1), instantOrNull(rs, "opened_at")))
			.list();
	}

	static Visibility visibility(ResultSet rs) throws SQLException {
		return new Visibility(Visibility.Level.valueOf(rs.getString("visibility").toUpperCase(Locale.ROOT)),
				Set.of((String[]) rs.getArray("visibility_tiers").getArray()));
	}

	static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

}
