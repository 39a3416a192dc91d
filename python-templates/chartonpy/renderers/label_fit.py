"""How tick labels fit an axis that no renderer here lays out (plotly and altair: a browser draws
them later), measured with a real font rather than guessed from the number of characters.

Widths are those of DejaVu Sans (matplotlib's own font, always installed with it), which is as wide
as the browsers' usual sans-serif fallbacks or wider, so labels measured to fit here fit there.
A category axis' labels stand level when they fit side by side, else slant, else stand on end with
only every k-th shown; a time axis gets as many ticks as its labels fit.
"""
import functools
import math

from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

from .shorten import shortened

FONT = FontProperties(family="DejaVu Sans")
LINE_HEIGHT = 1.3  # of the font size: a line's height holds the space between two lines
GAP = 6  # pixels between two level labels
SLANT = 45  # degrees below the axis

_TEXT_TO_PATH = TextToPath()


@functools.lru_cache(maxsize=4096)
def width(text, size):
    """The width in pixels of ``text`` in the font at ``size`` pixels."""
    font = FONT.copy()
    font.set_size(size)
    return _TEXT_TO_PATH.get_text_width_height_descent(text, font, ismath=False)[0]


def line(size):
    return LINE_HEIGHT * size


def categories(labels, length, size, across):
    """(shortened labels, angle in degrees below the axis, step): every ``step``-th label is shown.

    ``length``: the axis' length in pixels; ``across``: the labels sit side by side (an x axis),
    else one above the other (a y axis)."""
    text = [shortened(str(label)) for label in labels]
    room = length / max(1, len(text))  # pixels per category
    level = max((width(t, size) for t in text), default=0) + GAP if across else line(size)
    if level <= room:
        return text, 0, 1
    if across and line(size) / math.sin(math.radians(SLANT)) <= room:
        return text, SLANT, 1
    return text, (90 if across else 0), math.ceil(line(size) / room)


def time_ticks(length, size, labels):
    """How many ticks a time axis of ``length`` pixels holds with its labels level and apart, the
    widest label being one of ``labels`` (the renderer's usual time labels)."""
    widest = max(width(label, size) for label in labels)
    return max(2, int(length // (widest + GAP)))
