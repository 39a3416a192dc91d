"""Failures the worker reports as structured errors. The category picks charton's exit code."""


class ChartonError(Exception):
    category = "software"


class DataError(ChartonError):
    """The data cannot be read, or lacks what the chart asks for (exit 65)."""

    category = "data"


class UsageError(ChartonError):
    """The options make no sense for this renderer (exit 64)."""

    category = "usage"


class UnavailableError(ChartonError):
    """A package the request needs is not installed (exit 69)."""

    category = "unavailable"
