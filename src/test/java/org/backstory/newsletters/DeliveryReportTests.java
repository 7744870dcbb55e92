package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A delivery report keeps only what the database can store: found by
 * DeliveryReportParserFuzzTests.
 */
class DeliveryReportTests {

	@Test
	void aNulInTheDetailIsDroppedAndTheRestKept() {
		DeliveryReport report = new DeliveryReport("ada@example.com", DeliveryReport.Type.BOUNCE,
				"550 mailbox\u0000unavailable\u0000");

		assertThat(report.detail()).isEqualTo("550 mailboxunavailable");
	}

	@Test
	void theDetailIsCutToFiveHundredCharactersAfterTheNulsAreGone() {
		DeliveryReport report = new DeliveryReport("ada@example.com", DeliveryReport.Type.SOFT_BOUNCE,
				"\u0000".repeat(10) + "x".repeat(600));

		assertThat(report.detail()).isEqualTo("x".repeat(500));
	}

	@Test
	void aMessageIdIsOptionalAndAnOverlongOneIsRefused() {
		assertThat(new DeliveryReport("ada@example.com", DeliveryReport.Type.BOUNCE, "").messageId()).isNull();
		assertThat(new DeliveryReport("ada@example.com", DeliveryReport.Type.BOUNCE, "", "<newsletter.1.2@x.test>")
			.messageId()).isEqualTo("<newsletter.1.2@x.test>");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new DeliveryReport("ada@example.com", DeliveryReport.Type.BOUNCE, "", "x".repeat(999)));
	}

}
