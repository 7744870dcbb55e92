package org.backstory.newsletters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.backstory.newsletters.DeliveryReport;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzz test of the body of {@code POST /webhooks/email}: any bytes are a batch of
 * well-formed reports that the database can store, or refused with a reason (a 400),
 * never an exception (a 500). The inputs in {@code DeliveryReportParserFuzzTestsInputs}
 * (a bounce, a complaint, a batch) run in every build; {@code bench/fuzz.sh} fuzzes from
 * them.
 */
class DeliveryReportParserFuzzTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@FuzzTest
	@Timeout(10)
	void anyBodyIsReportsOrRefusedWithAReason(byte[] body) {
		List<DeliveryReport> reports;
		try {
			reports = DeliveryReportParser.parse(JSON, body);
		}
		catch (DeliveryReportParser.Refused ex) {
			assertThat(ex.getMessage()).isNotBlank();
			return;
		}
		assertThat(reports).hasSizeLessThanOrEqualTo(DeliveryReportParser.MAX_REPORTS).allSatisfy(report -> {
			assertThat(report.address()).isNotBlank().isEqualTo(report.address().strip()).contains("@");
			assertThat(report.detail()).hasSizeLessThanOrEqualTo(500);
			assertThat(report.address() + report.detail()).as("PostgreSQL text holds no NUL").doesNotContain("\u0000");
		});
	}

}
