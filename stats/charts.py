"""A bar chart of twelve months, drawn on the server as SVG, with the numbers as a table.

The geometry is computed here, as strings with a decimal point (Dutch number formatting
must never reach SVG coordinates); the template `stats/month_chart.html` draws it.
"""

import math
from dataclasses import dataclass

from django.utils.dates import MONTHS, MONTHS_3
from django.utils.text import capfirst

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 80, 8, 16, 36
GRIDLINES = 4


def nice_step(value):
    """The smallest whole 1, 2 or 5 × 10ⁿ at or above ``value``: a round gridline step."""
    if value <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    return next(step * magnitude for step in (1, 2, 5, 10) if value <= step * magnitude)


def _coordinate(number):
    return f"{number:.1f}"


@dataclass
class Bar:
    month: int
    value: int
    x: str
    y: str
    width: str
    height: str
    label_x: str

    @property
    def short_label(self):
        return capfirst(MONTHS_3[self.month])

    @property
    def long_label(self):
        return capfirst(MONTHS[self.month])


@dataclass
class Gridline:
    value: int
    y: str


class MonthChart:
    """``values``: twelve numbers, January first."""

    width, height, left, right = WIDTH, HEIGHT, LEFT, WIDTH - RIGHT
    baseline = _coordinate(HEIGHT - BOTTOM)
    label_y = _coordinate(HEIGHT - BOTTOM + 20)

    def __init__(self, year, values, title, key):
        self.year = year
        self.values = list(values)
        self.title = title
        self.key = key  # unique within a page: ids of the title and description
        self.total = sum(self.values)
        self.step = nice_step(max(self.values, default=0) / GRIDLINES)
        self.axis_maximum = self.step * GRIDLINES

    def _y(self, value):
        plot_height = HEIGHT - TOP - BOTTOM
        return TOP + plot_height - value / self.axis_maximum * plot_height

    @property
    def bars(self):
        slot = (WIDTH - LEFT - RIGHT) / 12
        bar_width = slot * 0.6
        bars = []
        for month, value in enumerate(self.values, start=1):
            x = LEFT + (month - 1) * slot + (slot - bar_width) / 2
            y = self._y(value)
            bars.append(
                Bar(
                    month=month,
                    value=value,
                    x=_coordinate(x),
                    y=_coordinate(y),
                    width=_coordinate(bar_width),
                    height=_coordinate(HEIGHT - BOTTOM - y),
                    label_x=_coordinate(x + bar_width / 2),
                )
            )
        return bars

    @property
    def gridlines(self):
        return [
            Gridline(value=self.step * index, y=_coordinate(self._y(self.step * index)))
            for index in range(GRIDLINES + 1)
        ]
