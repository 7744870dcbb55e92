package org.backstory.members.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import org.backstory.members.SignedInMember;
import org.backstory.members.account.AddressProven;
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
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A member's sessions on every device, found through Spring Session's principal-name
 * index: lists them, ends them, or follows a change of role. Sessions are named to the
 * member's browser by {@link #ref}, a hash of the id, so no page ever carries a session
 * id.
 */
@Component
class MemberSessions {

	private static final Logger log = LoggerFactory.getLogger(MemberSessions.class);

	private static final String CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

	private final FindByIndexNameSessionRepository<?> sessions;

	private final Clock clock;

	MemberSessions(FindByIndexNameSessionRepository<?> sessions, Clock clock) {
		this.sessions = sessions;
		this.clock = clock;
	}

	/**
	 * A live session of the member, as their list shows it; sessions signed in before
	 * origins were kept show their creation time and no device.
	 */
	record Active(String ref, Instant signedInAt, String device, String network, Instant lastActive, boolean current) {

		static Active of(Session session, boolean current) {
			Optional<SessionOrigin> origin = SessionOrigin.of(session);
			return new Active(MemberSessions.ref(session.getId()),
					origin.map(SessionOrigin::signedInAt).orElse(session.getCreationTime()),
					origin.map(SessionOrigin::device).orElse(DeviceHints.device(null)),
					origin.map(SessionOrigin::network).orElse(DeviceHints.UNKNOWN_NETWORK),
					session.getLastAccessedTime(), current);
		}

	}

	/**
	 * The member's live sessions, {@code currentSessionId}'s first, then the most
	 * recently used.
	 */
	List<Active> list(long memberId, @Nullable String currentSessionId) {
		Instant now = clock.instant();
		return found(memberId).values()
			.stream()
			.filter(session -> !session.isExpired()
					&& !SessionLifetimes.outlived(session::getAttribute, session.getCreationTime(), now))
			.map(session -> Active.of(session, session.getId().equals(currentSessionId)))
			.sorted(Comparator.comparing(Active::current).thenComparing(Active::lastActive).reversed())
			.toList();
	}

	/** Ends the member's session named {@code ref}; whether there was one. */
	boolean end(long memberId, String ref) {
		Optional<String> id = found(memberId).keySet()
			.stream()
			.filter(sessionId -> ref(sessionId).equals(ref))
			.findFirst();
		id.ifPresent(sessions::deleteById);
		log.info("Session ended by its member memberId={} found={}", memberId, id.isPresent());
		return id.isPresent();
	}

	/**
	 * Deletes every session of {@code memberId} except {@code keepSessionId} (null to
	 * keep none).
	 */
	void endAll(long memberId, @Nullable String keepSessionId) {
		var ids = found(memberId).keySet().stream().filter(id -> !id.equals(keepSessionId)).toList();
		ids.forEach(sessions::deleteById);
		log.info("Sessions ended memberId={} count={}", memberId, ids.size());
	}

	/**
	 * The first proof of a member's address ends all their sessions but the one proving
	 * it, in the proof's transaction: a session from before may belong to whoever signed
	 * up with the address first.
	 */
	@EventListener
	void addressProven(AddressProven proven) {
		endAll(proven.memberId(), requestSessionId());
	}

	/**
	 * Follows a role change in its transaction. A step up ends every session of the
	 * member except the one of this request, if it is theirs (accepting an invite: the
	 * caller signs it in again with a new id and the role): a session signed in as a
	 * reader, perhaps by someone else, must never turn into a staff session. A step down
	 * relabels the sessions, so the member keeps their sign-in and a demoted editor is
	 * refused editors' pages from their next request; a session holding anything else is
	 * ended.
	 */
	@EventListener
	void roleChanged(RoleChanged change) {
		if (change.promotion()) {
			endAll(change.memberId(), requestSessionId());
		}
		else {
			relabel(sessions, change);
		}
	}

	/**
	 * A short, stable name for a session that does not reveal its id: 128 bits of its
	 * SHA-256, base64url.
	 */
	static String ref(String sessionId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, ? extends Session> found(long memberId) {
		return sessions.findByPrincipalName(MemberAuthentication.principalName(memberId));
	}

	/**
	 * The session the current request carries, which the change that this request makes
	 * keeps.
	 */
	private static @Nullable String requestSessionId() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpSession session = attributes.getRequest().getSession(false);
			return session == null ? null : session.getId();
		}
		return null;
	}

	private static <S extends Session> void relabel(FindByIndexNameSessionRepository<S> store, RoleChanged change) {
		int count = 0;
		for (S session : store.findByPrincipalName(MemberAuthentication.principalName(change.memberId())).values()) {
			SecurityContext context = session.getAttribute(CONTEXT);
			if (context != null && context.getAuthentication() instanceof MemberAuthentication auth) {
				SignedInMember was = auth.getPrincipal();
				session.setAttribute(CONTEXT, new SecurityContextImpl(new MemberAuthentication(
						new SignedInMember(was.id(), was.email(), was.name(), change.role()))));
				session.setMaxInactiveInterval(SessionLifetimes.idle(change.role()));
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
