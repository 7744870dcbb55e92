package org.backstory.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

/**
 * A request reads each session from the store once; outside a request, every read goes to
 * the store.
 */
class SessionReadMemoTests {

	@SuppressWarnings("unchecked")
	private final FindByIndexNameSessionRepository<MapSession> store = mock(FindByIndexNameSessionRepository.class);

	private final ThrottledSessionRepository<MapSession> sessions = new ThrottledSessionRepository<>(store);

	private final MapSession stored = new MapSession("abc");

	@AfterEach
	void endRequest() {
		SessionReadMemo.close();
	}

	@Test
	void oneRequestReadsASessionOnce() {
		given(store.findById("abc")).willReturn(stored);
		SessionReadMemo.open();

		ThrottledSession<MapSession> first = sessions.findById("abc");
		ThrottledSession<MapSession> again = sessions.findById("abc");

		assertThat(again).isSameAs(first);
		verify(store, times(1)).findById("abc");
	}

	@Test
	void eachRequestReadsAfresh() {
		given(store.findById("abc")).willReturn(stored);
		SessionReadMemo.open();
		sessions.findById("abc");
		SessionReadMemo.close();
		SessionReadMemo.open();

		sessions.findById("abc");

		verify(store, times(2)).findById("abc");
	}

	@Test
	void withoutARequestEveryReadGoesToTheStore() {
		given(store.findById("abc")).willReturn(stored);

		sessions.findById("abc");
		sessions.findById("abc");

		verify(store, times(2)).findById("abc");
	}

	@Test
	void aDeletedSessionIsReadFromTheStoreAgain() {
		given(store.findById("abc")).willReturn(stored);
		SessionReadMemo.open();
		sessions.findById("abc");

		sessions.deleteById("abc");
		given(store.findById("abc")).willReturn(null);

		assertThat(sessions.findById("abc")).isNull();
	}

	@Test
	void aSessionWhoseIdChangedAtSignInIsNotFoundUnderItsOldId() {
		given(store.findById("abc")).willReturn(stored);
		SessionReadMemo.open();
		sessions.findById("abc").changeSessionId();
		given(store.findById("abc")).willReturn(null);

		assertThat(sessions.findById("abc")).isNull();
		verify(store, times(2)).findById("abc");
	}

}
