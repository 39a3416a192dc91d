"""matplotlib: PNG, SVG, PDF and JPEG figures of exactly the requested pixel size."""
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)

from ..columns import require  # noqa: E402
from ..errors import UsageError  # noqa: E402

FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf", "jpg": "image/jpeg"}


def render(table, spec, fmt):
    if fmt not in FORMATS:
        raise UsageError("matplotlib cannot write %s (formats: %s)" % (fmt, ", ".join(FORMATS)))
    frame = table.frame
    x = require(frame, spec.x, "--x") if spec.x else frame.index
    y_names = spec.y or [c for c in frame.select_dtypes("number").columns if c != spec.x][:1]
    if not y_names:
        raise UsageError("no numeric column to plot: name one with --y")
    fig = plt.figure(figsize=(spec.width / spec.dpi, spec.height / spec.dpi), dpi=spec.dpi)
    try:
        ax = fig.add_subplot()
        for name in y_names:
            ax.plot(x, require(frame, name, "--y"), label=str(name))
        if len(y_names) > 1:
            ax.legend()
        ax.set_xlabel(str(spec.x) if spec.x else "")
        ax.set_ylabel(str(y_names[0]) if len(y_names) == 1 else "")
        if spec.title:
            ax.set_title(spec.title)
        fig.autofmt_xdate() if _is_temporal(x) else None
        buffer = io.BytesIO()
        fig.savefig(buffer, format="jpeg" if fmt == "jpg" else fmt, dpi=spec.dpi)
        return buffer.getvalue(), FORMATS[fmt]
    finally:
        plt.close(fig)


def _is_temporal(values):
    kind = getattr(getattr(values, "dtype", None), "kind", "")
    return kind == "M"
