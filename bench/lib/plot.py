#!/usr/bin/env python3
"""Draws time series from a CSV file as stacked line charts in one SVG, with no libraries.

Usage: plot.py DATA.csv OUT.svg TITLE PANEL [PANEL ...]

The CSV's first column is the x axis (minutes); every other column is a series named by its header. A PANEL is
"Heading|unit|column[,column...]" and draws those columns on one chart, e.g. "Heap after full GC|MB|heap_mb".
Empty cells are gaps. People would rather look at a run than read its table, hence a picture; SVG because any
browser shows it and the script needs nothing but Python.
"""
import csv
import html
import math
import sys

WIDTH = 900
PANEL_HEIGHT = 190
MARGIN_LEFT = 70
MARGIN_RIGHT = 150
MARGIN_TOP = 34
GAP = 48
COLOURS = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989"]


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    columns = {name: [] for name in header}
    for row in body:
        for name, cell in zip(header, row):
            columns[name].append(float(cell) if cell.strip() else None)
    return header[0], columns


def nice_top(value):
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def panel(out, top, heading, unit, names, xs, columns, x_max):
    plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    values = [v for name in names for v in columns[name] if v is not None]
    y_max = nice_top(max(values) if values else 1.0)
    bottom = top + PANEL_HEIGHT

    def x_at(x):
        return MARGIN_LEFT + plot_width * (x / x_max if x_max else 0)

    def y_at(y):
        return bottom - PANEL_HEIGHT * (y / y_max)

    out.append(f'<text x="{MARGIN_LEFT}" y="{top - 10}" class="heading">{html.escape(heading)} ({html.escape(unit)})</text>')
    for i in range(5):
        y = y_max * i / 4
        out.append(f'<line x1="{MARGIN_LEFT}" x2="{MARGIN_LEFT + plot_width}" y1="{y_at(y):.1f}" y2="{y_at(y):.1f}" class="grid"/>')
        out.append(f'<text x="{MARGIN_LEFT - 6}" y="{y_at(y) + 4:.1f}" class="tick" text-anchor="end">{y:g}</text>')
    for i in range(7):
        x = x_max * i / 6
        out.append(f'<text x="{x_at(x):.1f}" y="{bottom + 16}" class="tick" text-anchor="middle">{x:.0f}</text>')
    for index, name in enumerate(names):
        colour = COLOURS[index % len(COLOURS)]
        segments, current = [], []
        for x, y in zip(xs, columns[name]):
            if y is None:
                if current:
                    segments.append(current)
                current = []
            else:
                current.append(f"{x_at(x):.1f},{y_at(y):.1f}")
        if current:
            segments.append(current)
        for points in segments:
            out.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" stroke-width="1.8"/>')
        out.append(f'<text x="{MARGIN_LEFT + plot_width + 10}" y="{top + 14 + 16 * index}" class="legend" style="fill:{colour}">{html.escape(name)}</text>')


def main(argv):
    if len(argv) < 5:
        sys.exit(__doc__)
    data, target, title, panels = argv[1], argv[2], argv[3], argv[4:]
    x_name, columns = read(data)
    xs = [x if x is not None else 0.0 for x in columns[x_name]]
    x_max = max(xs) if xs else 1.0
    height = MARGIN_TOP + len(panels) * (PANEL_HEIGHT + GAP) + 20
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}">',
        "<style>text{font-family:sans-serif;fill:#222}.heading{font-size:14px;font-weight:600}"
        ".tick{font-size:11px;fill:#555}.legend{font-size:12px}.grid{stroke:#ddd;stroke-width:1}</style>",
        '<rect width="100%" height="100%" fill="#fff"/>',
        f'<text x="{MARGIN_LEFT}" y="18" class="heading">{html.escape(title)}</text>',
    ]
    for i, spec in enumerate(panels):
        heading, unit, names = spec.split("|")
        wanted = [n for n in names.split(",") if n]
        missing = [n for n in wanted if n not in columns]
        if missing:
            sys.exit(f"plot.py: no column {', '.join(missing)} in {data}")
        top = MARGIN_TOP + 20 + i * (PANEL_HEIGHT + GAP)
        panel(out, top, heading, unit, wanted, xs, columns, x_max)
    out.append(f'<text x="{WIDTH - MARGIN_RIGHT}" y="{height - 6}" class="tick" text-anchor="end">{html.escape(x_name)}</text>')
    out.append("</svg>")
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv)
