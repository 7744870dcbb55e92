package org.backstory.admin.dashboard;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.backstory.billing.Money;
import org.backstory.shared.Dates;

/**
 * Turns the dashboard's figures into charts and tables, coloured from the publication's
 * accent colour: the accent for the main series, a {@link #companion} of it (and a dashed
 * line) for the second.
 */
final class DashboardCharts {

	private DashboardCharts() {
	}

	static DashboardPage page(DashboardFigures.Figures figures, List<Rate> rates, String accentColour) {
		DashboardRange range = figures.range();
		List<Bucket> buckets = figures.buckets();
		String main = accentColour;
		String second = companion(accentColour);
		List<String> labels = buckets.stream().map(bucket -> Dates.staffDay(bucket.start())).toList();
		DoubleFunction<String> count = value -> NumberFormat.getIntegerInstance(Locale.US).format(Math.round(value));
		String currency = figures.currency();
		int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
		DoubleFunction<String> money = value -> axisMoney(value, currency);
		Bucket last = buckets.get(buckets.size() - 1);

		Chart members = new Chart("members", "Members over time, free and paid",
				"At the end of the range: " + last.free() + " free and " + last.paid() + " paid members.", range.axis(),
				"Members", labels, List.of(new Series("Free", second, true, values(buckets, Bucket::free)),
						new Series("Paid", main, false, values(buckets, Bucket::paid))),
				count);
		Chart mrr = new Chart("mrr", "Monthly recurring revenue (" + currency + ")",
				"At the end of the range: " + Money.format(last.mrr(), currency) + " a month.", range.axis(),
				"MRR (" + currency + ")", labels,
				List.of(new Series("MRR", main, false,
						buckets.stream()
							.map(bucket -> BigDecimal.valueOf(bucket.mrr(), digits).doubleValue())
							.toList())),
				money);
		Chart subscriptions = new Chart("subscriptions", "New paid subscriptions and cancellations " + range.per(),
				"Over the range: " + sum(buckets, Bucket::newPaid) + " new paid subscriptions and "
						+ sum(buckets, Bucket::cancellations) + " cancellations.",
				range.axis(), "Subscriptions", labels,
				List.of(new Series("New paid", main, false, values(buckets, Bucket::newPaid)),
						new Series("Cancellations", second, true, values(buckets, Bucket::cancellations))),
				count);
		Chart trials = new Chart("trials", "Trials started and converted to paid " + range.per(),
				"Over the range: " + sum(buckets, Bucket::trialsStarted) + " trials started and "
						+ sum(buckets, Bucket::trialsConverted) + " converted to paid.",
				range.axis(), "Trials", labels,
				List.of(new Series("Started", second, true, values(buckets, Bucket::trialsStarted)),
						new Series("Converted", main, false, values(buckets, Bucket::trialsConverted))),
				count);
		List<ChartPanel> panels = List.of(
				panel(members, SvgCharts.line(members), range, buckets, List.of("Members", "Free", "Paid"),
						bucket -> List.of(bucket.members(), bucket.free(), bucket.paid())
							.stream()
							.map(String::valueOf)
							.toList()),
				panel(mrr, SvgCharts.line(mrr), range, buckets, List.of("MRR (" + currency + ")"),
						bucket -> List.of(Money.format(bucket.mrr(), currency))),
				panel(subscriptions, SvgCharts.bars(subscriptions), range, buckets,
						List.of("New paid", "Cancellations"),
						bucket -> List.of(String.valueOf(bucket.newPaid()), String.valueOf(bucket.cancellations()))),
				panel(trials, SvgCharts.bars(trials), range, buckets, List.of("Started", "Converted", "Ended unpaid"),
						bucket -> List.of(String.valueOf(bucket.trialsStarted()),
								String.valueOf(bucket.trialsConverted()), String.valueOf(bucket.trialsLapsed()))));
		long converted = sum(buckets, Bucket::trialsConverted);
		long lapsed = sum(buckets, Bucket::trialsLapsed);
		TrialSummary summary = new TrialSummary(sum(buckets, Bucket::trialsStarted), converted, lapsed,
				Rate.percent(converted, converted + lapsed));
		return new DashboardPage(range.code(), range.label(), panels, rates, summary, figures.topArticles().bySignups(),
				figures.topArticles().bySubscriptions(), figures.topArticles().byRevenue());
	}

	/**
	 * An axis amount in major units: whole units from ten up, so labels stay short
	 * ({@code $1,500}).
	 */
	private static String axisMoney(double value, String currency) {
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		format.setCurrency(Currency.getInstance(currency));
		int fraction = value < 10 ? Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0) : 0;
		format.setMinimumFractionDigits(fraction);
		format.setMaximumFractionDigits(fraction);
		return format.format(value);
	}

	private static ChartPanel panel(Chart chart, String svg, DashboardRange range, List<Bucket> buckets,
			List<String> columns, Function<Bucket, List<String>> cells) {
		List<String> headers = new ArrayList<>();
		headers.add(range.axis());
		headers.addAll(columns);
		List<List<String>> rows = new ArrayList<>();
		for (Bucket bucket : buckets) {
			List<String> row = new ArrayList<>();
			row.add(Dates.staffDate(bucket.start()));
			row.addAll(cells.apply(bucket));
			rows.add(row);
		}
		return new ChartPanel(chart.id(), chart.title(), svg, headers, rows);
	}

	private static List<Double> values(List<Bucket> buckets, ToLongFunction<Bucket> value) {
		return buckets.stream().map(bucket -> (double) value.applyAsLong(bucket)).toList();
	}

	private static long sum(List<Bucket> buckets, ToLongFunction<Bucket> value) {
		return buckets.stream().mapToLong(value).sum();
	}

	/**
	 * A companion to the accent in the same hue: a light tint of a dark accent, a dark
	 * shade of a light one, so the two series differ in lightness as well as in line
	 * style.
	 */
	static String companion(String hex) {
		int rgb = Integer.parseInt(hex.substring(1), 16);
		int[] channels = { (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff };
		double luminance = (0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]) / 255;
		int target = luminance < 0.5 ? 255 : 0;
		double share = luminance < 0.5 ? 0.55 : 0.5;
		StringBuilder colour = new StringBuilder("#");
		for (int channel : channels) {
			colour.append(String.format(Locale.ROOT, "%02x", (int) Math.round(channel + (target - channel) * share)));
		}
		return colour.toString();
	}

}
