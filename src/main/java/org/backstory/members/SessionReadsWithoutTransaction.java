package org.backstory.members;

import java.util.function.Consumer;

import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The transactions Spring Session's JDBC store runs its work in. Its reads (the session
 * lookup on every signed-in page view, finding a member's sessions, the expiry sweep,
 * each one statement) run as single auto-committed statements, which saves a round trip
 * to the database per page view; its writes (saving or deleting a session, several
 * statements each) keep a real transaction. This rests on how the store uses the two
 * methods: {@code execute} for those reads, {@code executeWithoutResult} for every write
 * (spring-session-jdbc 4.0; {@code SessionReadsWithoutTransactionTests} pins it).
 */
final class SessionReadsWithoutTransaction implements TransactionOperations {

	private final TransactionOperations writes;

	SessionReadsWithoutTransaction(TransactionOperations writes) {
		this.writes = writes;
	}

	@Override
	public <T> T execute(TransactionCallback<T> action) {
		return action.doInTransaction(new SimpleTransactionStatus(false));
	}

	@Override
	public void executeWithoutResult(Consumer<TransactionStatus> action) {
		writes.executeWithoutResult(action);
	}

}
