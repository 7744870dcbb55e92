package org.backstory.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.backstory.members.SignedInMember;
import org.backstory.shared.StaffActions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People, places and organisations: editors keep the list (with aliases), articles
 * mention them when saved, and their pages show the articles that name them and the
 * quotes attributed to them. Every change is one transaction and is recorded in the audit
 * log.
 * <p>
 * An entity added or renamed later is matched in the articles saved after that, not in
 * the archive at once.
 */
@Service
public class Entities {

	private final EntityRepository repository;

	private final ArticleCatalogRepository reader;

	private final TaxonomyRepository taxonomy;

	private final CatalogCache cache;

	private final ArticleDesk desk;

	private final EntityMentions mentions;

	private final EntityRules rules;

	private final StaffActions staffActions;

	private final Clock clock;

	Entities(EntityRepository repository, ArticleCatalogRepository reader, TaxonomyRepository taxonomy,
			CatalogCache cache, ArticleDesk desk, EntityMentions mentions, StaffActions staffActions, Clock clock) {
		this.desk = desk;
		this.mentions = mentions;
		this.repository = repository;
		this.rules = new EntityRules(repository);
		this.reader = reader;
		this.taxonomy = taxonomy;
		this.cache = cache;
		this.staffActions = staffActions;
		this.clock = clock;
	}

	/** Every entity, by name. */
	@Transactional(readOnly = true)
	public List<Entity> entities() {
		return repository.all();
	}

	/** The entity with this id. */
	@Transactional(readOnly = true)
	public Optional<Entity> entity(long id) {
		return repository.byId(id);
	}

	/** The entity with this slug. */
	@Transactional(readOnly = true)
	public Optional<Entity> entity(String slug) {
		return repository.bySlug(slug);
	}

	/**
	 * The entities whose name, an alias or the bio match a reader's query (web search
	 * syntax, as articles are searched), best first: an exact name or alias, then names
	 * before bios. Names, aliases and bios are public metadata; quotes and mentions are
	 * not searched, so nothing from a gated part can be found this way.
	 */
	@Transactional(readOnly = true)
	public List<Entity> search(String query, int limit) {
		return repository.matching(query, limit).stream().map(repository::byId).flatMap(Optional::stream).toList();
	}

	/**
	 * Every entity with how many published articles on the site mention it in their free
	 * part (or whole public text): the articles its page lists. A mention only in a gated
	 * part is not counted, for anyone.
	 */
	@Transactional(readOnly = true)
	public List<PublishedCount<Entity>> entitiesWithCounts() {
		Map<Long, Integer> counts = repository.mentioningCounts(clock.instant());
		return repository.all()
			.stream()
			.map(entity -> new PublishedCount<>(entity, counts.getOrDefault(entity.id(), 0)))
			.toList();
	}

	/**
	 * Creates an entity.
	 * @param kind {@code person}, {@code place} or {@code organisation}
	 * @param aliases other names it goes by; blanks and repeats are dropped
	 * @throws InvalidArticleException listing every problem (nothing is written)
	 */
	@Transactional
	public Entity create(long actorId, String kind, String slug, String name, String bio, Collection<String> aliases) {
		Entity created = insert(rules.checked(-1, kind, slug, name, bio, aliases));
		changed(actorId, "entity.created", created.id(), created.name(), "slug " + slug);
		return created;
	}

	/**
	 * Creates an entity for the demo seeder, without an audit entry (no staff member
	 * acts; as {@link ArticleEditor#createTag} does). Idempotent by slug: an existing
	 * entity is returned unchanged.
	 * @throws InvalidArticleException listing every problem (nothing is written)
	 */
	@Transactional
	public Entity seed(String kind, String slug, String name, String bio, Collection<String> aliases) {
		Optional<Entity> existing = repository.bySlug(slug);
		if (existing.isPresent()) {
			return existing.get();
		}
		return insert(rules.checked(-1, kind, slug, name, bio, aliases));
	}

	/**
	 * Changes an entity's kind, slug, name, bio and aliases.
	 * @throws InvalidArticleException if there is no such entity or listing every problem
	 * (nothing is written)
	 */
	@Transactional
	public Entity edit(long actorId, long id, String kind, String slug, String name, String bio,
			Collection<String> aliases) {
		Entity before = existing(id);
		Entity checked = rules.checked(id, kind, slug, name, bio, aliases);
		EntityRules.writeOrRefuse(() -> {
			repository.update(id, checked.kind(), slug, checked.name(), checked.bio());
			repository.replaceAliases(id, checked.aliases());
			return id;
		});
		changed(actorId, "entity.edited", id, checked.name(),
				"was \"" + before.name() + "\" (" + before.slug() + "), now " + slug);
		return new Entity(id, checked.kind(), slug, checked.name(), checked.bio(), checked.aliases());
	}

	/**
	 * Creates an entity with a tag's name and slug, as a person: the editor changes the
	 * kind and adds a bio after.
	 * @throws InvalidArticleException if there is no such tag, or an entity already has
	 * its slug or name
	 */
	@Transactional
	public Entity createFromTag(long actorId, long tagId) {
		TagUsage tag = taxonomy.tag(tagId, false)
			.orElseThrow(() -> new InvalidArticleException("There is no tag with id " + tagId + "."));
		return create(actorId, EntityKind.PERSON.code(), tag.slug(), tag.name(), tag.description(), List.of());
	}

	/** Deletes an entity with its mentions and quotes; the articles keep their text. */
	@Transactional
	public void delete(long actorId, long id) {
		Entity entity = existing(id);
		repository.delete(id);
		changed(actorId, "entity.deleted", id, entity.name(), "slug " + entity.slug());
	}

	/**
	 * A page of the published articles whose free part (or whole public text) mentions
	 * the entity, newest first.
	 */
	@Transactional(readOnly = true)
	public List<ArticleSummary> mentioning(Entity entity, int limit, int offset) {
		Instant now = clock.instant();
		return reader.summariesInOrder(repository.mentioningArticles(entity.id(), limit, offset, now), now);
	}

	/**
	 * Every quote attributed to the entity in a published article, newest first, gated
	 * ones included: the caller shows a gated quote only to a reader the access policy
	 * lets read its article.
	 */
	@Transactional(readOnly = true)
	public List<SpokenQuote> quotes(Entity entity) {
		Instant now = clock.instant();
		List<EntityRepository.QuoteRow> rows = repository.quotes(entity.id(), now);
		Map<Long, ArticleSummary> articles = reader
			.summariesInOrder(rows.stream().map(EntityRepository.QuoteRow::articleId).distinct().toList(), now)
			.stream()
			.collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
		return rows.stream()
			.filter(row -> articles.containsKey(row.articleId()))
			.map(row -> new SpokenQuote(row.text(), row.saidOn(), row.gated(), articles.get(row.articleId())))
			.toList();
	}

	/**
	 * The slugs of entities a published article's free part mentions, with the latest
	 * such article's time.
	 */
	@Transactional(readOnly = true)
	public Map<String, Instant> mentionedEntities() {
		return repository.mentionedSlugs(clock.instant());
	}

	/**
	 * The entities the matcher found in the article when it was last saved, kept or
	 * rejected, by name.
	 */
	@Transactional(readOnly = true)
	public List<ArticleMention> mentionsOf(long articleId) {
		return repository.mentionsOf(articleId);
	}

	/**
	 * The editor's answer to the mention list: the entities in {@code kept} stay
	 * mentioned (or come back), every other entity the list showed is rejected for this
	 * article and stays so at later saves.
	 * @throws NoSuchArticleException if there is no such article
	 * @throws org.springframework.security.access.AccessDeniedException if this staff
	 * member may not edit it
	 */
	@Transactional
	public void confirmMentions(long articleId, Collection<Long> kept, SignedInMember staff) {
		desk.open(articleId, staff);
		EntityMentions.Confirmed confirmed = mentions.confirm(articleId, kept);
		staffActions.record(staff.id(), "article.mentions-confirmed", "article " + articleId,
				confirmed.kept() + " kept, " + confirmed.rejected() + " rejected");
		cache.invalidate();
	}

	private Entity insert(Entity checked) {
		long id = EntityRules.writeOrRefuse(() -> {
			long created = repository.insert(checked.kind(), checked.slug(), checked.name(), checked.bio(),
					clock.instant());
			repository.replaceAliases(created, checked.aliases());
			return created;
		});
		return new Entity(id, checked.kind(), checked.slug(), checked.name(), checked.bio(), checked.aliases());
	}

	private Entity existing(long id) {
		return repository.byId(id)
			.orElseThrow(() -> new InvalidArticleException("There is no entity with id " + id + "."));
	}

	private void changed(long actorId, String action, long id, String name, String detail) {
		staffActions.record(actorId, action, "entity " + id + " \"" + name + "\"", detail);
		cache.invalidate();
	}

}
