"""Series colours a person can tell apart, on every renderer: every pair at least MIN_DELTA_E apart
in CIELAB (CIE76 Delta E, D65 white), up to the grammar's 30 series. The theme's own colours come
first, as far as they keep that distance; then colours from matplotlib's qualitative colour maps;
then, if still short, the sRGB colours farthest from all chosen so far. Past SOLID_SERIES series,
colour alone no longer tells series apart at a glance, so lines also get dashes and points shapes.
"""
import numpy as np
from matplotlib import colormaps
from matplotlib.colors import to_hex, to_rgb

MIN_DELTA_E = 10.0
SOLID_SERIES = 10
# Each series style holds SOLID_SERIES series: solid lines and circles, then dashes and squares, ...
DASHES = ("solid", "dashed", "dotted")
MARKERS = ("circle", "square", "triangle")
# Lighter colours (CIELAB L*) all but vanish on a white background, pale yellow first.
_MAX_LIGHTNESS = 88.0
_QUALITATIVE = ("tab10", "Dark2", "Set1", "tab20b", "tab20", "Set2")
_GRID_STEPS = 6

# sRGB (linear) to CIE XYZ, D65; the D65 white point.
_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375],
                    [0.2126729, 0.7151522, 0.0721750],
                    [0.0193339, 0.1191920, 0.9503041]])
_WHITE = np.array([0.95047, 1.0, 1.08883])


def to_lab(rgb):
    """CIELAB of sRGB colours: an (n, 3) array of components in [0, 1] (or one colour)."""
    rgb = np.asarray(rgb, dtype=float)
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    t = (linear @ _TO_XYZ.T) / _WHITE
    edge = (6 / 29) ** 3
    f = np.where(t > edge, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    fx, fy, fz = f[..., 0], f[..., 1], f[..., 2]
    return np.stack([116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)], axis=-1)


def delta_e(a, b):
    """CIE76 colour difference between colours (any matplotlib colour specs)."""
    return float(np.linalg.norm(to_lab(to_rgb(a)) - to_lab(to_rgb(b))))


def series_colours(count, preferred=()):
    """``count`` colours as hex strings, ``preferred`` (the theme's) first where they keep the distance."""
    chosen, labs = [], []

    def take(rgb):
        lab = to_lab(rgb)
        if lab[0] > _MAX_LIGHTNESS:
            return
        if all(np.linalg.norm(lab - other) >= MIN_DELTA_E for other in labs):
            chosen.append(to_hex(rgb))
            labs.append(lab)

    for colour in list(preferred) + _qualitative():
        if len(chosen) == count:
            return chosen
        take(to_rgb(colour))
    grid = _grid()
    while len(chosen) < count:
        distance = np.min(np.linalg.norm(to_lab(grid)[:, None, :] - np.array(labs)[None, :, :], axis=2), axis=1) \
            if labs else np.full(len(grid), np.inf)
        before = len(chosen)
        take(tuple(grid[int(np.argmax(distance))]))
        if len(chosen) == before:
            grid = np.delete(grid, int(np.argmax(distance)), axis=0)
    return chosen


def series_style(index):
    """(dash, marker) of the series at ``index`` in legend order: solid circles for the first ten."""
    step = min(index // SOLID_SERIES, len(DASHES) - 1)
    return DASHES[step], MARKERS[step]


def _qualitative():
    colours = []
    for name in _QUALITATIVE:
        colours.extend(colormaps[name].colors)
    return colours


def _grid():
    steps = np.linspace(0, 1, _GRID_STEPS)
    return np.array([(r, g, b) for r in steps for g in steps for b in steps])
