"""A small bar chart as inline SVG, drawn on the server: no chart script, nothing external."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: int
    label_x: float


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    baseline: float
    left: float
    bars: list[Bar]
    ticks: list[tuple[float, int]]
    title: str
    total: int


def nice_top(value: int) -> int:
    if value <= 5:
        return max(value, 1)
    step = 10 ** math.floor(math.log10(value))
    return math.ceil(value / step) * step


def bar_chart(points: list[tuple[str, int]], title: str, *, width: int = 720) -> BarChart:
    height, top, bottom, left = 250, 16, 50, 36
    plot_height = height - top - bottom
    highest = nice_top(max((value for _, value in points), default=0))
    slot = (width - left - 8) / max(len(points), 1)
    bars = []
    for index, (label, value) in enumerate(points):
        bar_height = plot_height * value / highest
        x = left + index * slot + slot * 0.15
        bars.append(
            Bar(
                x=round(x, 1),
                y=round(top + plot_height - bar_height, 1),
                width=round(slot * 0.7, 1),
                height=round(bar_height, 1),
                label=label,
                value=value,
                label_x=round(x + slot * 0.35, 1),
            )
        )
    step = 1 if highest <= 5 else highest // 2
    tick_values = list(range(0, highest + 1, step))
    ticks = [(round(top + plot_height - plot_height * v / highest, 1), v) for v in tick_values]
    return BarChart(
        width=width,
        height=height,
        baseline=top + plot_height,
        left=left,
        bars=bars,
        ticks=ticks,
        title=title,
        total=sum(value for _, value in points),
    )
