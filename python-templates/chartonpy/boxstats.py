"""A box's statistics, numpy only: the numbers of matplotlib.cbook.boxplot_stats (whis=1.5), with
the outliers thinned to at most one per pixel row of the chart (docs/plan.md, the `box` statistic).

Every renderer draws boxes from these, whether Python computed them from every row or Java sent them.
"""
import numpy as np

WHISKER = 1.5  # whiskers reach the furthest values within 1.5 IQR of the box
STATS = ("q1", "median", "q3", "whislo", "whishi", "fliers", "n")


def box_stats(values):
    """{q1, median, q3, whislo, whishi, fliers (sorted), n} of the finite ``values``."""
    values = np.asarray(values, dtype=float)
    q1, median, q3 = np.percentile(values, [25, 50, 75])
    reach = WHISKER * (q3 - q1)
    below = values[values <= q3 + reach]
    above = values[values >= q1 - reach]
    whishi = q3 if len(below) == 0 or below.max() < q3 else below.max()
    whislo = q1 if len(above) == 0 or above.min() > q1 else above.min()
    fliers = np.sort(values[(values < whislo) | (values > whishi)])
    return {"q1": float(q1), "median": float(median), "q3": float(q3), "whislo": float(whislo),
            "whishi": float(whishi), "fliers": fliers, "n": len(values)}


def thin_fliers(fliers, low, high, rows):
    """The sorted ``fliers`` keeping the first of each of ``rows`` equal rows spanning [low, high]."""
    fliers = np.asarray(fliers, dtype=float)
    if len(fliers) < 2:
        return fliers
    span = high - low
    cells = np.zeros(len(fliers), dtype=np.int64) if span <= 0 else \
        np.minimum(((fliers - low) / span * rows).astype(np.int64), rows - 1)
    first = np.ones(len(fliers), dtype=bool)
    first[1:] = cells[1:] != cells[:-1]
    return fliers[first]


def for_drawing(stats):
    """The dict matplotlib's Axes.bxp draws."""
    return {"med": stats["median"], "q1": stats["q1"], "q3": stats["q3"], "whislo": stats["whislo"],
            "whishi": stats["whishi"], "fliers": np.asarray(stats["fliers"], dtype=float)}
