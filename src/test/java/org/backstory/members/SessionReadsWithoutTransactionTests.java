package org.backstory.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

class SessionReadsWithoutTransactionTests {

	/** Records which of the two methods ran, and runs the work. */
	static final class RecordingTransactions implements TransactionOperations {

		final List<String> calls = new ArrayList<>();

		@Override
		public <T> T execute(TransactionCallback<T> action) {
			calls.add("execute");
			return action.doInTransaction(new SimpleTransactionStatus());
		}

		@Override
		public void executeWithoutResult(Consumer<TransactionStatus> action) {
			calls.add("executeWithoutResult");
			action.accept(new SimpleTransactionStatus());
		}

	}

	@Test
	@SuppressWarnings("unchecked")
	void springSessionReadsThroughExecuteAndWritesThroughExecuteWithoutResult() {
		JdbcOperations jdbc = mock(JdbcOperations.class);
		given(jdbc.query(anyString(), any(PreparedStatementSetter.class), any(ResultSetExtractor.class)))
			.willReturn(List.of());
		RecordingTransactions transactions = new RecordingTransactions();
		JdbcIndexedSessionRepository store = new JdbcIndexedSessionRepository(jdbc, transactions);

		store.findById("missing");
		List<String> reads = List.copyOf(transactions.calls);
		transactions.calls.clear();
		store.save(store.createSession());
		store.deleteById("missing");

		assertThat(reads).containsOnly("execute");
		assertThat(transactions.calls).containsOnly("executeWithoutResult");
	}

	@Test
	void readsRunWithoutTheWriteTransactionAndWritesUseIt() {
		RecordingTransactions writes = new RecordingTransactions();
		SessionReadsWithoutTransaction transactions = new SessionReadsWithoutTransaction(writes);

		String read = transactions.execute(status -> "read");
		transactions.executeWithoutResult(status -> {
		});

		assertThat(read).isEqualTo("read");
		assertThat(writes.calls).containsExactly("executeWithoutResult");
	}

}
