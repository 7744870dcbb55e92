package org.backstory.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadFactory;

import org.junit.jupiter.api.Test;

class BackgroundThreadsTests {

	@Test
	void aBackgroundThreadIsADaemonAtTheLowestPriority() {
		Thread thread = BackgroundThreads.of(() -> {
		}, "send-1");

		assertThat(thread.getName()).isEqualTo("send-1");
		assertThat(thread.isDaemon()).isTrue();
		assertThat(thread.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
	}

	@Test
	void aFactoryNumbersItsThreads() {
		ThreadFactory factory = BackgroundThreads.named("renewal-charge");

		assertThat(factory.newThread(() -> {
		}).getName()).isEqualTo("renewal-charge-1");
		Thread second = factory.newThread(() -> {
		});
		assertThat(second.getName()).isEqualTo("renewal-charge-2");
		assertThat(second.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
	}

}
