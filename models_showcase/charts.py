"""Charts drawn on the server: plain SVG geometry for a template, no script, no third party.

A chart is a row of bars in a 320×180 viewBox that scales to its container (a 390 px phone
included); every chart is printed next to a table of the same values, its text equivalent.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

WIDTH, HEIGHT = 320, 180
TOP, BOTTOM, SIDE = 22, 28, 6  # room for the value above a bar and the label below it


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: Decimal
    label_x: float


def bars(points: list[tuple[str, Decimal]]) -> list[Bar]:
    """Bars for (label, value) pairs, scaled to the largest value."""
    if not points:
        return []
    largest = max((value for _, value in points), default=Decimal(0)) or Decimal(1)
    slot = (WIDTH - 2 * SIDE) / len(points)
    width = min(slot * 0.7, 56)
    room = HEIGHT - TOP - BOTTOM
    result = []
    for index, (label, value) in enumerate(points):
        height = float(value) / float(largest) * room
        x = SIDE + index * slot + (slot - width) / 2
        result.append(
            Bar(
                x=round(x, 1),
                y=round(TOP + room - height, 1),
                width=round(width, 1),
                height=round(height, 1),
                label=label,
                value=value,
                label_x=round(x + width / 2, 1),
            )
        )
    return result


def series_chart(series) -> dict:
    """What `includes/series_chart.html` draws for one figure series (records.Series)."""
    points = [(f"{value.as_of:%m/%Y}", value.value) for value in series.values]
    return {"bars": bars(points), "width": WIDTH, "height": HEIGHT, "baseline": HEIGHT - BOTTOM}


@dataclass
class HBar:
    y: float
    width: float
    label: str
    value: Decimal
    text_y: float


ROW = 34  # a horizontal bar's row: its label on top, the bar below


def hbars(points: list[tuple[str, Decimal]]) -> tuple[list[HBar], int]:
    """Horizontal bars (labels can be long, like a model type's name) and the chart's height."""
    largest = max((value for _, value in points), default=Decimal(0)) or Decimal(1)
    room = WIDTH - 2 * SIDE - 48  # the value is printed after the bar
    result = [
        HBar(
            y=index * ROW + 16,
            width=round(max(float(value) / float(largest) * room, 1), 1),
            label=label,
            value=value,
            text_y=index * ROW + 12,
        )
        for index, (label, value) in enumerate(points)
    ]
    return result, len(points) * ROW + 4
