package dev.charton.python.setup;

import java.nio.file.Path;

/**
 * An interpreter charton may use and why it was considered. An explicit choice (--python,
 * CHARTON_PYTHON) is used or refused, never silently skipped.
 */
public record PythonCandidate(Path executable, String origin, boolean explicit) {
}
