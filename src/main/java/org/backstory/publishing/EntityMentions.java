package org.backstory.publishing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Records, inside an article's save, which entities it mentions and which quotes it
 * attributes to them, each with the part it sits in. A quote whose speaker names no
 * entity is not recorded (there is no page to put it on).
 */
@Component
class EntityMentions {

	private final EntityRepository repository;

	private final QuoteExtractor extractor = new QuoteExtractor();

	private final ArticleRenderer renderer = new ArticleRenderer();

	EntityMentions(EntityRepository repository) {
		this.repository = repository;
	}

	/**
	 * Replaces the article's mentions and quotes with those found in its two parts,
	 * leaving out rejected mentions.
	 */
	void record(long articleId, PreviewCut.Cut cut) {
		MentionMatcher matcher = new MentionMatcher(repository.names());
		Map<Long, Boolean> gatedByEntity = new LinkedHashMap<>();
		matcher.entitiesIn(cut.previewSource()).forEach(id -> gatedByEntity.put(id, false));
		matcher.entitiesIn(cut.gatedSource()).forEach(id -> gatedByEntity.putIfAbsent(id, true));
		Set<Long> rejected = repository.rejections(articleId);
		gatedByEntity.keySet().removeAll(rejected);
		List<EntityRepository.NewQuote> quotes = new ArrayList<>();
		addQuotes(quotes, matcher, cut.previewSource(), false);
		addQuotes(quotes, matcher, cut.gatedSource(), true);
		repository.replaceMentions(articleId, gatedByEntity, quotes);
	}

	/**
	 * The entities named in {@code markdown}, as a save of article {@code articleId} (-1
	 * for a new one) would record them: the article's rejected mentions left out.
	 */
	Set<Long> entitiesIn(long articleId, String markdown) {
		Set<Long> found = new MentionMatcher(repository.names()).entitiesIn(markdown);
		found.removeAll(repository.rejections(articleId));
		return found;
	}

	/**
	 * Records the article's mentions and quotes again from its saved text (after the
	 * editor changed rejections).
	 */
	void recordAgain(long articleId) {
		repository.source(articleId)
			.ifPresent(source -> record(articleId, renderer.cut(source.text().withoutControls(), source.gated())));
	}

	/**
	 * The editor's answer to the article's mention list: the entities in {@code kept}
	 * stay mentioned (or come back), every other one the list showed is rejected; then
	 * the mentions are recorded again.
	 */
	Confirmed confirm(long articleId, Collection<Long> kept) {
		List<ArticleMention> shown = repository.mentionsOf(articleId);
		long rejected = 0;
		for (ArticleMention mention : shown) {
			if (kept.contains(mention.entityId())) {
				repository.unreject(articleId, mention.entityId());
			}
			else {
				repository.reject(articleId, mention.entityId());
				rejected++;
			}
		}
		recordAgain(articleId);
		return new Confirmed(shown.size() - rejected, rejected);
	}

	private void addQuotes(List<EntityRepository.NewQuote> quotes, MentionMatcher matcher, String markdown,
			boolean gated) {
		for (QuoteExtractor.Attributed quote : extractor.quotesIn(markdown)) {
			matcher.entityNamed(quote.speaker())
				.ifPresent(entity -> quotes
					.add(new EntityRepository.NewQuote(entity, quote.text(), quote.saidOn(), gated)));
		}
	}

	/** How many of the shown mentions the editor kept and rejected. */
	record Confirmed(long kept, long rejected) {
	}

}
