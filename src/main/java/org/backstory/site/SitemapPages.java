package org.backstory.site;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The sitemap's addresses cut into files of at most {@code limit} (the sitemap protocol
 * allows 50,000 per file): while they fit in one, {@code /sitemap.xml} is the list
 * itself; past that it is an index of {@code /sitemap-1.xml} … {@code /sitemap-n.xml},
 * each dated by the newest change it lists.
 */
final class SitemapPages {

	private final List<Map.Entry<String, @Nullable LocalDate>> pages;

	private final int limit;

	SitemapPages(Map<String, @Nullable LocalDate> pages, int limit) {
		this.pages = new ArrayList<>(pages.entrySet());
		this.limit = limit;
	}

	boolean fitsInOne() {
		return pages.size() <= limit;
	}

	int files() {
		return Math.max(1, (pages.size() + limit - 1) / limit);
	}

	/** The addresses of file {@code number} (from 1), or empty past the last. */
	Optional<List<Map.Entry<String, @Nullable LocalDate>>> file(int number) {
		if (number < 1 || number > files()) {
			return Optional.empty();
		}
		int from = (number - 1) * limit;
		return Optional.of(pages.subList(from, Math.min(pages.size(), from + limit)));
	}

	/** The newest change among the addresses of file {@code number}, if any is dated. */
	@Nullable LocalDate lastModified(int number) {
		return file(number).orElse(List.of())
			.stream()
			.map(Map.Entry::getValue)
			.filter(day -> day != null)
			.max(LocalDate::compareTo)
			.orElse(null);
	}

}
