"""Looking up the columns a chart asks for, with helpful errors."""
import difflib

from .errors import DataError


def require(frame, name, option):
    """The column ``name`` of ``frame``; a missing one names the closest matches."""
    if name in frame.columns:
        return frame[name]
    available = [str(c) for c in frame.columns]
    close = difflib.get_close_matches(str(name), available, n=3, cutoff=0.5)
    hint = ("; did you mean %s?" % " or ".join("'%s'" % c for c in close)) if close else ""
    raise DataError("%s: no column '%s' in the data%s (columns: %s)" % (option, name, hint, ", ".join(available)))
