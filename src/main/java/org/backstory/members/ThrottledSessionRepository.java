package org.backstory.members;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's store, handing out {@link ThrottledSession}s so that reading pages
 * does not rewrite the session row on every request. Everything else (creating, changing
 * attributes or the id at sign-in, deleting, finding a member's sessions) goes to the
 * store unchanged, and a request reads each session once ({@link SessionReadMemo}).
 */
final class ThrottledSessionRepository<S extends Session>
		implements FindByIndexNameSessionRepository<ThrottledSession<S>> {

	private final FindByIndexNameSessionRepository<S> store;

	ThrottledSessionRepository(FindByIndexNameSessionRepository<S> store) {
		this.store = store;
	}

	@Override
	public ThrottledSession<S> createSession() {
		return new ThrottledSession<>(store.createSession());
	}

	@Override
	public void save(ThrottledSession<S> session) {
		store.save(session.stored());
	}

	@Override
	public @Nullable ThrottledSession<S> findById(String id) {
		ThrottledSession<S> read = SessionReadMemo.get(id);
		if (read != null) {
			return read;
		}
		S session = store.findById(id);
		if (session == null) {
			return null;
		}
		ThrottledSession<S> found = new ThrottledSession<>(session);
		SessionReadMemo.remember(id, found);
		return found;
	}

	@Override
	public void deleteById(String id) {
		SessionReadMemo.forget(id);
		store.deleteById(id);
	}

	@Override
	public Map<String, ThrottledSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, ThrottledSession<S>> sessions = new LinkedHashMap<>();
		store.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> sessions.put(id, new ThrottledSession<>(session)));
		return sessions;
	}

}
