package dev.charton.pipeline.pushdown;

import dev.charton.error.ChartonException;

/**
 * The engine failed on SQL charton compiled around the user's query (exit 65 from the engine: the
 * SQL rejected, or an error while it ran). The user's query alone already passed the engine's
 * analysis (its schema is read first), so push-down gives way to Java's reduction, which runs the
 * user's query alone: a failure that is the user's then fails there, as with --reduce none.
 */
final class EngineFailed extends RuntimeException {
    EngineFailed(ChartonException failure) {
        super(failure.getMessage(), failure);
    }
}
