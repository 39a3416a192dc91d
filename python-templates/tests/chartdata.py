"""Test data and output checks shared by the renderer tests: the repo's own example files."""
import io
import json
import os
import re
import sys
import xml.etree.ElementTree as ElementTree

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = os.path.dirname(HERE)
EXAMPLES = os.path.join(os.path.dirname(TEMPLATES), "examples")
if TEMPLATES not in sys.path:
    sys.path.insert(0, TEMPLATES)

import pandas as pd  # noqa: E402

from chartonpy.ingest import Table  # noqa: E402
from chartonpy.spec import ChartSpec  # noqa: E402


def weather():
    return pd.read_csv(os.path.join(EXAMPLES, "weather.csv"), parse_dates=["date"])


def sales():
    return pd.read_csv(os.path.join(EXAMPLES, "sales.csv"))


def table(frame):
    """The worker's Table of ``frame``."""
    import pyarrow as pa

    return Table(pa.Table.from_pandas(frame, preserve_index=False), frame)


def spec(**options):
    options.setdefault("width", 480)
    options.setdefault("height", 320)
    options.setdefault("dpi", 100)
    return ChartSpec(options)


def png_image(data):
    """The decoded PNG (a PIL image); fails the test when it is not one."""
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    image.load()
    if image.format != "PNG":
        raise AssertionError("not a PNG but %s" % image.format)
    return image


def colour_count(image):
    return len(set(image.convert("RGB").resize((120, 80)).getdata()))


def svg_root(data):
    root = ElementTree.fromstring(data)
    if not root.tag.endswith("svg"):
        raise AssertionError("root element is %s, not svg" % root.tag)
    return root


def pdf_pages(data):
    """Number of pages of a PDF (each page object has /Type /Page)."""
    if not data.startswith(b"%PDF-"):
        raise AssertionError("no PDF header: %r" % data[:8])
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def vega_lite(data):
    """The parsed Vega-Lite spec and its inline rows (altair keeps them under "datasets")."""
    chart = json.loads(data)
    if "vega-lite" not in chart.get("$schema", ""):
        raise AssertionError("not a Vega-Lite spec: %s" % chart.get("$schema"))
    datasets = chart.get("datasets", {})
    rows = [row for rows in datasets.values() for row in rows]
    return chart, rows


def label_width(text, pixels):
    """The width in pixels of ``text`` in DejaVu Sans at ``pixels``, as matplotlib's Agg renderer draws it
    (at 72 dpi a point is a pixel): the tests' own measure of labels a browser will draw."""
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    renderer = RendererAgg(100, 100, 72)
    return renderer.get_text_width_height_descent(text, FontProperties(family="DejaVu Sans", size=pixels), False)[0]
