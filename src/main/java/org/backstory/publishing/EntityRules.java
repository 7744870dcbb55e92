package org.backstory.publishing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.springframework.dao.DuplicateKeyException;

/**
 * What an entity must be before it is written: a known kind, a free slug, a name and
 * aliases no other entity goes by, a bio within its length. Every problem is listed at
 * once, so the editor fixes them in one go.
 */
final class EntityRules {

	private final EntityRepository repository;

	EntityRules(EntityRepository repository) {
		this.repository = repository;
	}

	/**
	 * The entity as it will be written (plain name, bio and aliases; blank and repeated
	 * aliases dropped), under id {@code self} (-1 for a new one).
	 * @throws InvalidArticleException listing every problem
	 */
	Entity checked(long self, String kind, String slug, String name, String bio, Collection<String> aliases) {
		List<String> problems = new ArrayList<>();
		Optional<EntityKind> entityKind = EntityKind.ofCode(kind);
		if (entityKind.isEmpty()) {
			problems.add("Choose whether the entity is a person, a country or place, or an organisation.");
		}
		EditorialRules.slugProblem("The entity's slug", slug).ifPresent(problems::add);
		repository.bySlug(slug)
			.filter(other -> other.id() != self)
			.ifPresent(other -> problems.add("The slug '" + slug + "' is already used by " + other.name() + "."));
		EditorialRules.nameProblem("The entity's name", name, 120).ifPresent(problems::add);
		String plainBio = EditorialRules.plain(bio);
		if (plainBio.length() > Entity.MAX_BIO) {
			problems.add("The entity's bio must be at most " + Entity.MAX_BIO + " characters.");
		}
		String plainName = EditorialRules.plain(name);
		LinkedHashSet<String> plainAliases = new LinkedHashSet<>();
		aliases.stream()
			.map(EditorialRules::plain)
			.filter(alias -> !alias.isEmpty())
			.filter(alias -> !alias.equalsIgnoreCase(plainName))
			.forEach(plainAliases::add);
		plainAliases.stream()
			.filter(alias -> alias.length() > 120)
			.forEach(alias -> problems
				.add("The alias '" + alias.substring(0, 40) + "…' must be at most 120 characters."));
		List<String> ownNames = new ArrayList<>(plainAliases);
		ownNames.add(0, plainName);
		for (Entity other : repository.all()) {
			if (other.id() == self) {
				continue;
			}
			List<String> taken = new ArrayList<>(other.aliases());
			taken.add(other.name());
			ownNames.stream()
				.filter(own -> !own.isEmpty())
				.filter(own -> taken.stream()
					.anyMatch(t -> t.toLowerCase(Locale.ROOT).equals(own.toLowerCase(Locale.ROOT))))
				.forEach(own -> problems
					.add("The name '" + own + "' is already a name or alias of " + other.name() + "."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidArticleException(problems);
		}
		return new Entity(self, entityKind.orElseThrow(), slug, plainName, plainBio, List.copyOf(plainAliases));
	}

	/**
	 * Runs the write; a slug or alias another change took since {@link #checked} becomes
	 * a refusal, not a 500.
	 */
	static long writeOrRefuse(LongSupplier write) {
		try {
			return write.getAsLong();
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidArticleException("Another change took the same slug or alias a moment ago; try again.");
		}
	}

}
