package org.backstory.publishing.web;

import java.util.List;
import java.util.Objects;

import org.backstory.publishing.Entity;
import org.backstory.publishing.EntityKind;

/**
 * An entity's form as typed, to fill the form again after a refusal.
 *
 * @param kind the kind's code
 * @param slug the slug (made from the name when empty)
 * @param name the name
 * @param bio the bio
 * @param aliases one alias a line
 */
public record EntityForm(String kind, String slug, String name, String bio, String aliases) {

	/** A field left out of the request counts as empty. */
	public EntityForm {
		kind = Objects.requireNonNullElse(kind, "");
		slug = Objects.requireNonNullElse(slug, "");
		name = Objects.requireNonNullElse(name, "");
		bio = Objects.requireNonNullElse(bio, "");
		aliases = Objects.requireNonNullElse(aliases, "");
	}

	static EntityForm empty() {
		return new EntityForm(EntityKind.PERSON.code(), "", "", "", "");
	}

	static EntityForm of(Entity entity) {
		return new EntityForm(entity.kind().code(), entity.slug(), entity.name(), entity.bio(),
				String.join("\n", entity.aliases()));
	}

	/** The aliases, one a line. */
	List<String> aliasList() {
		return aliases.lines().toList();
	}

	/** The slug typed, or one made from the name. */
	String slugOrFromName() {
		return AdminPages.slugOr(slug, name);
	}

	/** The kinds to choose from. */
	public List<EntityKind> kinds() {
		return List.of(EntityKind.values());
	}

}
