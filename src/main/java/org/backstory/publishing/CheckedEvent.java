package org.backstory.publishing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** An {@link EventDraft} that passed {@link EventRules}, in the form it is stored. */
record CheckedEvent(EventDate date, String summary, String quote, String speaker, List<SourceLink> sources,
		@Nullable Long articleId, boolean key) {
}
