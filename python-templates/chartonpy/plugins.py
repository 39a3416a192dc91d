"""Template plugins: any NAME.py defining ``render(df, spec)`` in a templates directory is a renderer.

The directories are those on CHARTON_TEMPLATES (os.pathsep-separated; charton puts --templates-dir
first). When two directories hold the same name, the first wins. Files are read with ``ast``, not
imported, to find them, so listing plugins runs none of their code; a plugin runs only when asked for.

Optional module-level hints, read as literals: ``FORMATS = ("png", "svg")`` declares the formats.
Otherwise they follow from the plotting library the plugin imports. ``REDUCED = True`` declares that
the plugin draws the statistic charton computes from the rows (docs/plan.md) rather than every row:
``df`` is then that statistic, and ``chartonpy.grammar.plan(df, spec)`` builds the same Plan from it
(charton's Java side reads the same literal to decide what to send). Its top-level imports are the
packages it needs.
"""
import ast
import importlib.machinery
import importlib.util
import os
from dataclasses import dataclass, field

from . import usercode
from .errors import UsageError

ENVIRONMENT = "CHARTON_TEMPLATES"

# Which figure family a plugin produces, judged from the first of these libraries it imports.
LIBRARY_FAMILIES = (("altair", "altair"), ("plotly", "plotly"), ("seaborn", "matplotlib"), ("matplotlib", "matplotlib"))


@dataclass(frozen=True)
class Template:
    name: str
    path: str
    description: str = ""
    imports: tuple = ()
    formats: tuple = None  # declared by FORMATS; None: those of its figure family
    reduced: bool = False  # REDUCED = True: it draws the statistic, not every row
    family: str = None
    problem: str = None  # why it cannot run (a syntax error), or None
    hidden_by: list = field(default_factory=list, compare=False)

    def missing_modules(self):
        """Top-level imports that cannot be found (beside the plugin or on sys.path)."""
        directory = [os.path.dirname(self.path)]
        return [name for name in self.imports
                if importlib.machinery.PathFinder.find_spec(name, directory) is None
                and importlib.util.find_spec(name) is None]


def directories(environ=os.environ):
    return [d for d in environ.get(ENVIRONMENT, "").split(os.pathsep) if d]


def discover(environ=os.environ):
    """{name: Template} from every templates directory; earlier directories win."""
    found = {}
    for directory in directories(environ):
        try:
            names = sorted(os.listdir(directory))
        except OSError:
            continue  # charton checks --templates-dir; a stale CHARTON_TEMPLATES entry is no error
        for file_name in names:
            stem, ext = os.path.splitext(file_name)
            if ext != ".py" or stem.startswith("_") or not stem.isidentifier():
                continue
            template = inspect(os.path.join(directory, file_name))
            if template is None:
                continue
            if stem in found:
                found[stem].hidden_by.append(template.path)
            else:
                found[stem] = template
    return found


def inspect(path):
    """The Template of the file at ``path``, or None when it defines no render()."""
    name = os.path.splitext(os.path.basename(path))[0]
    try:
        with open(path, "rb") as handle:
            tree = ast.parse(handle.read(), path)
    except SyntaxError as error:
        return Template(name, path, problem="line %s: %s" % (error.lineno, error.msg))
    except (OSError, ValueError) as error:
        return Template(name, path, problem=str(error))
    if not any(_defines(node, "render") for node in tree.body):
        return None
    imports = _top_level_imports(tree)
    family = next((fam for library, fam in LIBRARY_FAMILIES if library in imports), None)
    doc = (ast.get_docstring(tree) or "").strip().splitlines()
    return Template(name, path, description=doc[0] if doc else "", imports=imports,
                    formats=_declared_formats(tree), reduced=_literal(tree, "REDUCED") is True, family=family)


def load(template):
    """The plugin's render function, running its module; errors point into the plugin file."""
    if template.problem:
        usercode.compile_file(template.path)  # raises the syntax error from its line
        raise UsageError("template %s cannot be loaded: %s" % (template.path, template.problem))
    spec = importlib.util.spec_from_file_location("charton_template_" + template.name, template.path)
    module = importlib.util.module_from_spec(spec)
    with usercode.importable_from(os.path.dirname(template.path)):
        usercode.call(template.path, spec.loader.exec_module, module)
    render = getattr(module, "render", None)
    if not callable(render):
        raise UsageError("template %s defines no render(df, spec) function" % template.path)
    return render


def _defines(node, name):
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return node.name == name
    if isinstance(node, ast.Assign):
        return any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
    return isinstance(node, ast.ImportFrom) and any((a.asname or a.name) == name for a in node.names)


def _top_level_imports(tree):
    names = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            names += [alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module.split(".")[0])
    return tuple(dict.fromkeys(names))


def _declared_formats(tree):
    formats = _literal(tree, "FORMATS")
    try:
        return None if formats is None else tuple(str(f).lower() for f in formats)
    except TypeError:
        return None


def _literal(tree, name):
    """The value of a module-level ``NAME = literal``, or None."""
    for node in tree.body:
        if _defines(node, name) and isinstance(node, ast.Assign):
            try:
                return ast.literal_eval(node.value)
            except (ValueError, TypeError, SyntaxError):
                return None
    return None
