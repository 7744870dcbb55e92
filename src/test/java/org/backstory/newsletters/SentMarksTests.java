package org.backstory.newsletters;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SentMarksTests {

	private final CountDownLatch statementMayEnd = new CountDownLatch(1);

	private final List<List<Long>> statements = new CopyOnWriteArrayList<>();

	private final ExecutorService workers = Executors.newFixedThreadPool(3);

	/**
	 * Records each statement's members; the first statement waits for the test, as a slow
	 * commit would. Member 13's claim was lost; member 99 makes the database fail.
	 */
	private final RecipientRepository database = new RecipientRepository(null) {
		@Override
		Set<MessageRef> markSent(List<SentMark> marks, Instant now) {
			statements.add(marks.stream().map(mark -> mark.recipient().memberId()).toList());
			if (statements.size() == 1) {
				await(statementMayEnd);
			}
			if (marks.stream().anyMatch(mark -> mark.recipient().memberId() == 99)) {
				throw new IllegalStateException("connection refused");
			}
			return marks.stream()
				.filter(mark -> mark.recipient().memberId() != 13)
				.map(SentMark::ref)
				.collect(Collectors.toSet());
		}
	};

	private final SentMarks marks = new SentMarks(database, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

	@AfterEach
	void stop() throws InterruptedException {
		statementMayEnd.countDown();
		marks.stop();
		workers.shutdownNow();
	}

	@Test
	void marksHandedInWhileAStatementRunsAreWrittenTogetherAndEachWaitsForItsOwn() throws Exception {
		marks.start("marks");
		Future<Boolean> first = workers.submit(() -> marks.submit(mark(1)).await());
		awaitStatements(1);
		Future<Boolean> second = workers.submit(() -> marks.submit(mark(2)).await());
		Future<Boolean> lost = workers.submit(() -> marks.submit(mark(13)).await());
		Thread.sleep(200);
		assertThat(first.isDone()).as("recorded before its statement committed").isFalse();
		assertThat(second.isDone()).isFalse();

		statementMayEnd.countDown();

		assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
		assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
		assertThat(lost.get(5, TimeUnit.SECONDS)).as("a claim taken over by another worker").isFalse();
		assertThat(statements).hasSize(2);
		assertThat(statements.get(0)).containsExactly(1L);
		assertThat(statements.get(1)).containsExactlyInAnyOrder(2L, 13L);
	}

	@Test
	void whatTheDatabaseThrowsReachesEveryWorkerOfTheStatement() {
		marks.start("marks");
		statementMayEnd.countDown();

		assertThatThrownBy(() -> marks.submit(mark(99)).await()).hasMessage("connection refused");
		assertThat(marks.submit(mark(3)).await()).as("the writer goes on").isTrue();
	}

	@Test
	void stoppingWritesWhatWasHandedInFirst() throws Exception {
		marks.start("marks");
		SentMarks.Pending one = marks.submit(mark(1));
		SentMarks.Pending two = marks.submit(mark(2));
		statementMayEnd.countDown();

		marks.stop();

		assertThat(one.await()).isTrue();
		assertThat(two.await()).isTrue();
		assertThat(statements.stream().flatMap(List::stream)).containsExactlyInAnyOrder(1L, 2L);
	}

	private void awaitStatements(int count) throws InterruptedException {
		for (int i = 0; i < 100 && statements.size() < count; i++) {
			Thread.sleep(20);
		}
		assertThat(statements).hasSize(count);
	}

	private static SentMark mark(long memberId) {
		return new SentMark(new ClaimedRecipient(7, 1, memberId, "m" + memberId + "@x.test", "M", "complete", 0, null),
				"worker-1");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
