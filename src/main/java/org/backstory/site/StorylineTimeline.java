package org.backstory.site;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.backstory.publishing.ArticleSummary;
import org.backstory.publishing.LinkedEvent;

/**
 * A storyline's page as a timeline: its published articles in story order with its events
 * between them, each event just before the first article published after its date (events
 * after the last article come last). It is paged by articles, as before events existed,
 * so part numbers and page addresses stay put: a page holds {@link ListPage#PAGE_SIZE}
 * articles and the events that lead up to them; the last page also holds the events after
 * its last article.
 *
 * @param entries the events and articles on this page, in the order asked for
 * @param list the page of articles, for the pager and the page's title
 * @param order the order asked for
 */
public record StorylineTimeline(List<TimelineEntry> entries, ListPage list, Order order) {

	/** Which end of the story comes first. */
	public enum Order {

		OLDEST, NEWEST;

		/**
		 * {@code oldest} or {@code newest}, as the {@code order} parameter says; empty
		 * for anything else.
		 */
		static Optional<Order> of(String written) {
			return switch (written) {
				case "oldest" -> Optional.of(OLDEST);
				case "newest" -> Optional.of(NEWEST);
				default -> Optional.empty();
			};
		}

		/** As the {@code order} parameter writes it. */
		public String written() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private record Placed(TimelineEntry entry, int page) {
	}

	/**
	 * Page {@code page} of the timeline at {@code path} ({@code /story/{slug}}).
	 * @param parts the published articles in story order
	 * @param events the events, oldest first
	 */
	static StorylineTimeline of(String path, List<ArticleSummary> parts, List<LinkedEvent> events, Order order,
			int page) {
		List<ArticleSummary> articles = new ArrayList<>(parts);
		List<TimelineEntry> all = merged(parts, events);
		if (order == Order.NEWEST) {
			Collections.reverse(articles);
			Collections.reverse(all);
		}
		String listPath = order == Order.OLDEST ? path : path + "?order=" + order.written();
		ListPage list = ListPage.load(listPath, page, (limit, offset) -> articles
			.subList(Math.min(offset, articles.size()), Math.min(offset + limit, articles.size())));
		List<TimelineEntry> onPage = paged(all).stream()
			.filter(placed -> placed.page() == page)
			.map(Placed::entry)
			.toList();
		return new StorylineTimeline(onPage, list, order);
	}

	private static List<TimelineEntry> merged(List<ArticleSummary> parts, List<LinkedEvent> events) {
		List<TimelineEntry> all = new ArrayList<>();
		int next = 0;
		for (int i = 0; i < parts.size(); i++) {
			LocalDate published = LocalDate.ofInstant(parts.get(i).publishedAt(), ZoneOffset.UTC);
			while (next < events.size() && events.get(next).event().date().date().isBefore(published)) {
				all.add(event(events.get(next++)));
			}
			all.add(new TimelineEntry(null, ArticleCard.of(parts.get(i)), i + 1));
		}
		events.subList(next, events.size()).forEach(linked -> all.add(event(linked)));
		return all;
	}

	/**
	 * Each article on its page by its rank; each event on the page of the article after
	 * it, else of the last.
	 */
	private static List<Placed> paged(List<TimelineEntry> all) {
		int[] pages = new int[all.size()];
		int articles = 0;
		int lastPage = 1;
		for (int i = 0; i < all.size(); i++) {
			if (all.get(i).article() != null) {
				lastPage = articles / ListPage.PAGE_SIZE + 1;
				pages[i] = lastPage;
				articles++;
			}
		}
		int following = lastPage;
		for (int i = all.size() - 1; i >= 0; i--) {
			if (all.get(i).article() != null) {
				following = pages[i];
			}
			else {
				pages[i] = following;
			}
		}
		List<Placed> placed = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			placed.add(new Placed(all.get(i), pages[i]));
		}
		return placed;
	}

	private static TimelineEntry event(LinkedEvent linked) {
		return new TimelineEntry(EventView.of(linked), null, 0);
	}

}
