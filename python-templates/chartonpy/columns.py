"""Looking up the columns a chart asks for, with helpful errors."""
import difflib

from .errors import DataError


def require(frame, name, option):
    """The column ``name`` of ``frame``; a missing one names the closest matches."""
    if name in frame.columns:
        return frame[name]
    available = [str(c) for c in frame.columns]
    hint = did_you_mean(name, available)
    raise DataError("%s: no column '%s' in the data%s (columns: %s)" % (option, name, hint, ", ".join(available)))


def did_you_mean(name, known, cutoff=0.5):
    """"; did you mean 'a' or 'b'?" for the names of ``known`` closest to ``name``, or ""."""
    close = difflib.get_close_matches(str(name), known, n=3, cutoff=cutoff)
    return ("; did you mean %s?" % " or ".join("'%s'" % c for c in close)) if close else ""
