package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicationServiceIntegrationTests {

	@Autowired
	PublicationService publications;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aChangeShowsOnceItCommitsEvenIfAReaderCachedTheOldSettingsMeanwhile() {
		Publication original = publications.publication();
		Publication renamed = new Publication("Renamed " + System.nanoTime(), original.tagline(),
				original.accentColor(), original.logoUrl());
		try {
			transactions.executeWithoutResult(status -> {
				publications.update(renamed);
				Publication seenByAnotherRequest = CompletableFuture.supplyAsync(publications::publication).join();
				assertThat(seenByAnotherRequest).isEqualTo(original);
			});

			assertThat(publications.publication()).isEqualTo(renamed);
		}
		finally {
			publications.update(original);
		}
	}

	@Test
	void legalDetailsAreKeptWithTheSettings() {
		Publication original = publications.publication();
		try {
			publications
				.update(original.withLegalDetails("Undercurrent Media Ltd", "1 Quay Street\nPortsmouth PO1 1AA"));

			Publication stored = publications.publication();
			assertThat(stored.legalName()).isEqualTo("Undercurrent Media Ltd");
			assertThat(stored.postalAddress()).isEqualTo("1 Quay Street\nPortsmouth PO1 1AA");
			assertThat(stored.sellerName()).isEqualTo("Undercurrent Media Ltd");
			assertThat(stored.withLegalDetails("", "").sellerName()).isEqualTo(original.name());
		}
		finally {
			publications.update(original);
		}
	}

}
