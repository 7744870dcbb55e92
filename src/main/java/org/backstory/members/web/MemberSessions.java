package org.backstory.members.web;

import org.backstory.members.SignedInMember;
import org.backstory.members.account.RoleChanged;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A member's sessions on every device, found through Spring Session's principal-name index: ends them, or
 * relabels them with a new role.
 */
@Component
class MemberSessions {

	private static final Logger log = LoggerFactory.getLogger(MemberSessions.class);

	private static final String CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

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

	/**
	 * Gives the member's sessions their new role, in the role change's transaction, so the member keeps
	 * their sign-in and the role applies from their next request: a demoted editor is refused editors' pages
	 * at once, a new staff member finds the admin open. A session holding anything else is ended.
	 */
	@EventListener
	void relabel(RoleChanged change) {
		relabel(sessions, change);
	}

	private static <S extends Session> void relabel(FindByIndexNameSessionRepository<S> store, RoleChanged change) {
		int count = 0;
		for (S session : store.findByPrincipalName(MemberAuthentication.principalName(change.memberId())).values()) {
			SecurityContext context = session.getAttribute(CONTEXT);
			if (context != null && context.getAuthentication() instanceof MemberAuthentication auth) {
				SignedInMember was = auth.getPrincipal();
				session.setAttribute(CONTEXT, new SecurityContextImpl(new MemberAuthentication(
						new SignedInMember(was.id(), was.email(), was.name(), change.role()))));
				store.save(session);
			}
			else {
				store.deleteById(session.getId());
			}
			count++;
		}
		log.info("Sessions relabelled memberId={} role={} count={}", change.memberId(), change.role(), count);
	}

}
