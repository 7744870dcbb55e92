package org.backstory.newsletters;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The publication's newsletters: listed for members and staff, created and changed by
 * staff.
 */
@Service
public class Newsletters {

	private static final Logger log = LoggerFactory.getLogger(Newsletters.class);

	private final NewsletterRepository newsletters;

	private final Clock clock;

	Newsletters(NewsletterRepository newsletters, Clock clock) {
		this.newsletters = newsletters;
		this.clock = clock;
	}

	/** Every newsletter in display order. */
	@Transactional(readOnly = true)
	public List<Newsletter> all() {
		return newsletters.all();
	}

	@Transactional(readOnly = true)
	public Optional<Newsletter> find(long id) {
		return newsletters.find(id);
	}

	/**
	 * Creates a newsletter. Idempotent by slug, so seeding can run again: an existing
	 * newsletter with this slug is returned unchanged.
	 * @throws InvalidNewsletterException listing every problem with the settings
	 */
	@Transactional
	public Newsletter create(NewsletterSettings settings) {
		check(settings, -1);
		long id = newsletters.insert(settings, clock.instant())
			.orElseGet(() -> newsletters.findBySlug(settings.slug()).orElseThrow().id());
		log.info("Newsletter created id={} slug={}", id, settings.slug());
		return newsletters.find(id).orElseThrow();
	}

	/**
	 * Changes a newsletter's settings.
	 * @throws InvalidNewsletterException listing every problem, or when there is no such
	 * newsletter
	 */
	@Transactional
	public Newsletter update(long id, NewsletterSettings settings) {
		check(settings, id);
		if (!newsletters.update(id, settings, clock.instant())) {
			throw new InvalidNewsletterException(List.of("There is no newsletter with id " + id + "."));
		}
		log.info("Newsletter changed id={} slug={}", id, settings.slug());
		return newsletters.find(id).orElseThrow();
	}

	private void check(NewsletterSettings settings, long self) {
		List<String> problems = new ArrayList<>(NewsletterRules.problems(settings));
		if (self >= 0 && newsletters.slugOwner(settings.slug()).filter(owner -> owner != self).isPresent()) {
			problems.add("The slug '" + settings.slug() + "' is already used by another newsletter.");
		}
		if (!problems.isEmpty()) {
			throw new InvalidNewsletterException(problems);
		}
	}

}
