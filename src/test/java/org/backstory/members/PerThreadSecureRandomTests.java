package org.backstory.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class PerThreadSecureRandomTests {

	private final PerThreadSecureRandom random = new PerThreadSecureRandom();

	@Test
	void givesDifferentBytesEachTime() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			byte[] bytes = new byte[16];
			random.nextBytes(bytes);
			seen.add(java.util.HexFormat.of().formatHex(bytes));
		}
		assertThat(seen).hasSize(1000);
	}

	@Test
	void threadsDrawFromTheirOwnGeneratorsWithoutRepeatingEachOther() throws InterruptedException {
		Set<String> seen = ConcurrentHashMap.newKeySet();
		CountDownLatch done = new CountDownLatch(8);
		for (int t = 0; t < 8; t++) {
			new Thread(() -> {
				for (int i = 0; i < 200; i++) {
					byte[] bytes = new byte[16];
					random.nextBytes(bytes);
					seen.add(java.util.HexFormat.of().formatHex(bytes));
				}
				done.countDown();
			}).start();
		}
		done.await();
		assertThat(seen).hasSize(1600);
	}

}
