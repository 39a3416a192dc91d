"""altair's HTML page with Vega, Vega-Lite and vega-embed inside it, so it draws offline.

The scripts are the npm packages' UMD builds, which the build puts beside the Python side
(src/build/vega-scripts.sh, versions in pom.xml). With --html-cdn the page is altair's own, a few
kilobytes that load them from a CDN when opened.
"""
import functools
import os

from ..errors import UnavailableError
from ..figures import scripts_from_cdn

SCRIPTS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "vega")
SCRIPTS = ("vega", "vega-lite", "vega-embed")  # in load order: vega-embed calls the other two
ELEMENT_ID = "vis"

PAGE = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
%(scripts)s</head>
<body>
<div id="%(element)s"></div>
<script>
vegaEmbed("#%(element)s", %(chart)s, {"mode": "vega-lite"}).catch(function (error) {
  document.getElementById("%(element)s").textContent = String(error);
});
</script>
</body>
</html>
"""


def page(chart, spec):
    """The chart's HTML page: the scripts inline, unless the spec asks for them from a CDN."""
    if scripts_from_cdn(spec):
        return chart.to_html()
    # "<" only occurs inside the JSON's strings, where \\u003c means the same and cannot end the script.
    chart_json = chart.to_json(indent=None).replace("<", "\\u003c")
    scripts = "".join("<script>%s</script>\n" % _script(name) for name in SCRIPTS)
    return PAGE % {"scripts": scripts, "element": ELEMENT_ID, "chart": chart_json}


@functools.lru_cache(maxsize=None)
def _script(name):
    path = os.path.join(SCRIPTS_DIR, name + ".min.js")
    try:
        with open(path, encoding="utf-8") as script:
            return script.read()
    except FileNotFoundError:
        raise UnavailableError("%s is missing, so altair's HTML cannot carry it (the build puts it there: mvn package);"
                               " --html-cdn loads it from a CDN instead" % path) from None
