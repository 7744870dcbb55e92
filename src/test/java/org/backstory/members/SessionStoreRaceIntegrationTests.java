package org.backstory.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Two requests of one session each hold their own copy of it and save it when they end,
 * in any order: what the store does when the copies disagree. Played out step by step on
 * the session store itself, so each race happens every time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionStoreRaceIntegrationTests {

	private final SessionRepository<Session> sessions;

	@SuppressWarnings("unchecked")
	SessionStoreRaceIntegrationTests(@Autowired SessionRepository<? extends Session> sessions) {
		this.sessions = (SessionRepository<Session>) sessions;
	}

	@Test
	void twoRequestsAddingTheSameAttributeKeepTheLaterValue() {
		String id = storedSession();
		Session first = sessions.findById(id);
		Session second = sessions.findById(id);
		first.setAttribute("notice", "from the first request");
		second.setAttribute("notice", "from the second request");

		sessions.save(first);
		sessions.save(second);

		assertThat((String) sessions.findById(id).getAttribute("notice")).isEqualTo("from the second request");
	}

	@Test
	void aRequestEndingAfterAnotherDeletedTheSessionDoesNotBringItBack() {
		String id = storedSession();
		Session late = sessions.findById(id);
		late.setAttribute("notice", "added after the sign-out");
		late.setAttribute("kept", "changed after the sign-out");

		sessions.deleteById(id);
		sessions.save(late);

		assertThat(sessions.findById(id)).isNull();
	}

	@Test
	void twoRequestsChangingTheIdAtSignInLeaveTheLaterId() {
		String id = storedSession();
		Session first = sessions.findById(id);
		Session second = sessions.findById(id);
		first.changeSessionId();
		second.changeSessionId();

		sessions.save(first);
		sessions.save(second);

		assertThat(sessions.findById(second.getId())).isNotNull();
		assertThat(sessions.findById(first.getId())).isNull();
		assertThat(sessions.findById(id)).isNull();
	}

	private String storedSession() {
		Session session = sessions.createSession();
		session.setAttribute("kept", "from sign-in");
		sessions.save(session);
		return session.getId();
	}

}
