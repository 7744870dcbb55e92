package org.backstory.admin.dashboard;

import java.util.List;

/**
 * One chart on the dashboard with its numbers as a table.
 *
 * @param heading the panel's heading
 * @param svg the chart, inline SVG markup (everything in it is escaped)
 * @param headers the table's column headings
 * @param rows the table's rows, one per day or week, as text
 */
public record ChartPanel(String id, String heading, String svg, List<String> headers, List<List<String>> rows) {
}
