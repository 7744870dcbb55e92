package org.backstory.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SvgChartsTests {

	private final Chart chart = new Chart("members", "Members <over> time", "Ends at 3.", "Day", "Members",
			List.of("1 Nov", "2 Nov", "3 Nov"),
			List.of(new Series("Free", "#aabbcc", true, List.of(1.0, 2.0, 3.0)),
					new Series("Paid", "#112233", false, List.of(0.0, 1.0, 7.0))),
			value -> String.valueOf(Math.round(value)));

	@Test
	void aLineChartIsAnImageTitledAndDescribedForScreenReaders() {
		Element svg = svg(SvgCharts.line(chart));

		assertThat(svg.attr("role")).isEqualTo("img");
		assertThat(svg.attr("aria-labelledby")).isEqualTo("members-title members-desc");
		assertThat(svg.selectFirst("title#members-title").text()).isEqualTo("Members <over> time");
		assertThat(svg.selectFirst("desc#members-desc").text()).isEqualTo("Ends at 3.");
		assertThat(svg.select("polyline")).hasSize(2);
		assertThat(svg.select("polyline").eachAttr("stroke")).containsExactly("#aabbcc", "#112233");
		assertThat(svg.select("polyline").first().attr("stroke-dasharray")).isNotEmpty();
		assertThat(svg.select("polyline").get(1).attr("points").split(" ")).hasSize(3);
	}

	@Test
	void theAxesCarryTheirTitlesRoundGridlinesAndTheDays() {
		Element svg = svg(SvgCharts.line(chart));

		assertThat(svg.select(".grid text").eachText()).contains("Day", "Members", "0", "2", "4", "6", "8", "1 Nov",
				"3 Nov");
		assertThat(svg.select(".legend text").eachText()).containsExactly("Free", "Paid");
	}

	@Test
	void theHighestValueReachesTheTopGridlineAtMost() {
		Element svg = svg(SvgCharts.line(chart));
		double top = svg.select(".grid line")
			.stream()
			.mapToDouble(line -> Double.parseDouble(line.attr("y1")))
			.min()
			.orElseThrow();

		for (String point : svg.select("polyline").get(1).attr("points").split(" ")) {
			assertThat(Double.parseDouble(point.split(",")[1])).isGreaterThanOrEqualTo(top);
		}
	}

	@Test
	void aBarChartDrawsOneBarPerValueWithItsFigureAsTooltip() {
		Element svg = svg(SvgCharts.bars(chart));

		assertThat(svg.select("rect")).hasSize(6);
		assertThat(svg.select("rect title").eachText()).contains("Paid, 3 Nov: 7");
		assertThat(svg.select("rect")
			.stream()
			.mapToDouble(rect -> Double.parseDouble(rect.attr("height")))
			.min()
			.orElseThrow()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void aSeriesMustHaveOneValuePerCategory() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Chart("x", "t", "d", "x", "y", List.of("a", "b"),
				List.of(new Series("s", "#000000", false, List.of(1.0))), String::valueOf));
	}

	@ParameterizedTest
	@CsvSource({ "0, 1", "0.4, 1", "1.2, 2", "3, 5", "7, 10", "12, 20", "260, 500" })
	void stepsAreOneTwoOrFiveTimesAPowerOfTen(double value, double step) {
		assertThat(SvgCharts.niceStep(value)).isEqualTo(step);
	}

	@ParameterizedTest
	@CsvSource({ "#1f5e7a, #9ab7c3", "#b4233c, #dd9ca7", "#f0e68c, #787346" })
	void theSecondColourIsALighterOrDarkerAccent(String accent, String companion) {
		assertThat(DashboardCharts.companion(accent)).isEqualTo(companion);
	}

	private static Element svg(String markup) {
		Document document = Jsoup.parse(markup, "", Parser.xmlParser());
		return document.selectFirst("svg");
	}

}
