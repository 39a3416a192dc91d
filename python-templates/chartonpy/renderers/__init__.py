"""The registry of renderers: charton's built-in ones, user scripts, and template plugins.

Every renderer offers ``render(table, spec, fmt) -> (bytes, media_type)``. Built-in renderers draw a
grammar Plan (chartonpy.grammar) in a module that defines ``style(spec)`` and ``draw(plan)``;
scripts and plugins make a figure their own way. Whatever the figure, chartonpy.figures saves it.

Requirements are listed here rather than found by importing the modules, so a missing package is
reported before anything heavy is imported, and ``charton templates`` can list what is installed.
"""
import importlib
import inspect
import json
import sys
import warnings
from dataclasses import dataclass

from .. import columns, figures, packages, plugins, scripts, usercode
from ..errors import UsageError
from ..figures import FAMILIES

# What every request needs to read its data, whichever renderer draws it.
DATA_PACKAGES = ("numpy", "pyarrow", "pandas")


@dataclass(frozen=True)
class Builtin:
    name: str
    module: str
    packages: tuple
    family: str  # the figure family its output belongs to (formats and exporter)
    description: str


BUILTIN = {b.name: b for b in (
    Builtin("matplotlib", "chartonpy.renderers.matplotlib_renderer", DATA_PACKAGES + ("matplotlib",),
            "matplotlib", "static figures drawn with matplotlib"),
    Builtin("seaborn", "chartonpy.renderers.seaborn_renderer", DATA_PACKAGES + ("matplotlib", "seaborn"),
            "matplotlib", "seaborn's statistical styles on matplotlib"),
    Builtin("altair", "chartonpy.renderers.altair_renderer", DATA_PACKAGES + ("altair",),
            "altair", "Vega-Lite charts built with altair"),
    Builtin("plotly", "chartonpy.renderers.plotly_renderer", DATA_PACKAGES + ("plotly",),
            "plotly", "interactive plotly.js figures"),
)}

SCRIPT = "script"  # --script: the user's code makes the figure
CATALOG = "_catalog"  # charton templates: the listing of every renderer, as JSON

_loaded = {}


def names():
    return sorted(BUILTIN) + sorted(n for n in plugins.discover() if n not in BUILTIN and n != SCRIPT)


def missing_packages(name):
    """The packages the renderer needs that cannot be imported here (pip names, where known)."""
    if name in BUILTIN:
        return packages.missing(BUILTIN[name].packages)
    if name in (SCRIPT, CATALOG):
        return packages.missing(DATA_PACKAGES)
    template = plugins.discover().get(name)
    if template is None or template.problem:
        return []  # reported as an error, with its reason, when a request names it
    return packages.missing(DATA_PACKAGES) + template.missing_modules()


def load(name):
    """The renderer called ``name``; UsageError naming the available ones when there is none.

    charton's own renderers are kept for the life of the worker. A template plugin is user code:
    it is run afresh for every request, so an edited file is picked up by a warm worker and none of
    one request's module state reaches the next (see chartonpy/isolation.py).
    """
    if name in BUILTIN or name in (SCRIPT, CATALOG):
        if name not in _loaded:
            _loaded[name] = _create(name)
        return _loaded[name]
    return _create(name)


def _create(name):
    if name in BUILTIN:
        return _BuiltinRenderer(BUILTIN[name])
    if name == SCRIPT:
        return _ScriptRenderer()
    if name == CATALOG:
        return _CatalogRenderer()
    template = plugins.discover().get(name)
    if template is None:
        where = plugins.directories()
        raise UsageError("unknown renderer '%s'%s (available: %s%s)" % (
            # Stricter than for columns: a handful of short names, where 'ggplot' is not 'plotly'.
            name, columns.did_you_mean(name, names(), cutoff=0.75), ", ".join(names()),
            "; templates searched in " + ", ".join(where) if where else "; add templates with --templates-dir"))
    return _TemplateRenderer(template)


class _BuiltinRenderer:
    def __init__(self, builtin):
        self.builtin = builtin
        self.module = importlib.import_module(builtin.module)

    def render(self, table, spec, fmt):
        if spec.params:
            raise UsageError("--param is for --script and template renderers; %s takes none" % self.builtin.name)
        figures.check_format(FAMILIES[self.builtin.family], fmt, self.builtin.name)
        # Imported only once their packages are known to be installed; a reduced plan is drawn from
        # Arrow, without pandas.
        if spec.reduced is not None:
            from .. import reduced

            plan = reduced.plan(table.arrow, spec)
        else:
            from .. import grammar

            plan = grammar.plan(table.frame, spec)
        with warnings.catch_warnings(), self.module.style(spec):
            # Deprecations between the plotting libraries are charton's to fix, not the user's to read.
            warnings.simplefilter("ignore", DeprecationWarning)
            warnings.simplefilter("ignore", FutureWarning)
            return figures.export(self.module.draw(plan), fmt, spec, self.builtin.name)


class _ScriptRenderer:
    def __init__(self):
        if not packages.missing(["matplotlib"]):  # most scripts draw with pyplot: import it early
            importlib.import_module("matplotlib").use("Agg")
            importlib.import_module("matplotlib.pyplot")

    def render(self, table, spec, fmt):
        if not spec.script:
            raise UsageError("the script renderer needs a script: use --script FILE")
        with figures.user_figures(spec):
            figure = scripts.run(spec.script, table, spec)
            return figures.export(figure, fmt, spec, spec.script)


class _TemplateRenderer:
    """A plugin. ``render(df, spec)`` returns a figure of any family, or bytes. A plugin that wants
    full control defines ``render(table, spec, fmt)`` instead: it gets the request's Table (with
    ``.arrow``, the pyarrow Table) and returns ``(bytes, media_type)``."""

    def __init__(self, template):
        self.template = template
        self.function = plugins.load(template)
        self.full_control = len(inspect.signature(self.function).parameters) == 3

    def render(self, table, spec, fmt):
        declared = self.template.formats
        if declared and fmt not in declared:
            raise UsageError("%s cannot write %s; its formats are %s" % (self.template.name, fmt, ", ".join(declared)))
        with figures.user_figures(spec):
            if self.full_control:
                figure, media_type = usercode.call(self.template.path, self.function, table, spec, fmt)
                return bytes(figure), media_type
            figure = usercode.call(self.template.path, self.function, table.frame, spec)
            return figures.export(figure, fmt, spec, self.template.name)


class _CatalogRenderer:
    def render(self, table, spec, fmt):
        listing = {"python": sys.executable, "template_dirs": plugins.directories(), "renderers": catalog()}
        return json.dumps(listing, indent=2).encode("utf-8"), figures.MEDIA_TYPES["json"]


def catalog():
    """Every renderer with its description, formats and whether it can run here."""
    rows = []
    for builtin in BUILTIN.values():
        family = FAMILIES[builtin.family]
        rows.append(_row(builtin.name, builtin.description, family.formats, "built-in",
                         packages.missing(builtin.packages), family.unavailable_formats()))
    for template in plugins.discover().values():
        family = FAMILIES.get(template.family)
        formats = template.formats or (family.formats if family else ())
        row = _row(template.name, template.description, formats, template.path,
                   [] if template.problem else template.missing_modules(),
                   family.unavailable_formats() if family else {})
        if template.problem:
            row["status"] = "broken: " + template.problem
        elif template.name in BUILTIN or template.name in (SCRIPT, CATALOG):
            row["status"] = "hidden by the built-in renderer of that name"
        if template.hidden_by:
            row["hides"] = list(template.hidden_by)
        row["reduced"] = template.reduced
        rows.append(row)
    return rows


def _row(name, description, formats, origin, missing, unavailable_formats):
    if missing:
        status = "needs " + ", ".join(missing)
    else:
        status = "ready"
        by_package = {}
        for fmt, package in unavailable_formats.items():
            by_package.setdefault(package, []).append(fmt)
        for package, fmts in by_package.items():
            status += "; %s need%s %s" % (", ".join(fmts), "s" if len(fmts) == 1 else "", package)
    return {"name": name, "description": description, "formats": list(formats), "origin": origin,
            "missing": missing, "unavailable_formats": unavailable_formats, "status": status}
