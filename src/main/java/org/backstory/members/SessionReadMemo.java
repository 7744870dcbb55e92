package org.backstory.members;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The sessions one request has already read, so it reads each from the database once.
 * Spring Session reads the requested session when the request first asks for it and again
 * each time it commits, only to check the id is still valid; within one request the
 * session it already holds (and has just saved) answers that. The memo lives on the
 * request's thread between {@link #open()} and {@link #close()}, called by a filter that
 * wraps Spring Session's.
 */
final class SessionReadMemo {

	private static final ThreadLocal<@Nullable Map<String, Object>> READ = new ThreadLocal<>();

	private SessionReadMemo() {
	}

	static void open() {
		READ.set(new HashMap<>());
	}

	static void close() {
		READ.remove();
	}

	/** The session this request read under {@code id}, if it still carries that id. */
	@SuppressWarnings("unchecked")
	static <S extends org.springframework.session.Session> @Nullable S get(String id) {
		Map<String, Object> read = READ.get();
		S session = read == null ? null : (S) read.get(id);
		return session != null && session.getId().equals(id) ? session : null;
	}

	static void remember(String id, Object session) {
		Map<String, Object> read = READ.get();
		if (read != null) {
			read.put(id, session);
		}
	}

	static void forget(String id) {
		Map<String, Object> read = READ.get();
		if (read != null) {
			read.remove(id);
		}
	}

}
