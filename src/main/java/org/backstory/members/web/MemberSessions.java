package org.backstory.members.web;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/** Ends a member's sessions on other devices, found through Spring Session's principal-name index. */
@Component
class MemberSessions {

	private static final Logger log = LoggerFactory.getLogger(MemberSessions.class);

	private final FindByIndexNameSessionRepository<?> sessions;

	MemberSessions(FindByIndexNameSessionRepository<?> sessions) {
		this.sessions = sessions;
	}

	/** Deletes every session of {@code memberId} except {@code keepSessionId} (null to keep none). */
	void endAll(long memberId, @Nullable String keepSessionId) {
		var ids = sessions.findByPrincipalName(MemberAuthentication.principalName(memberId))
			.keySet()
			.stream()
			.filter(id -> !id.equals(keepSessionId))
			.toList();
		ids.forEach(sessions::deleteById);
		log.info("Sessions ended memberId={} count={}", memberId, ids.size());
	}

}
