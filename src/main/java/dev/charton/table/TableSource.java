package dev.charton.table;

import dev.charton.input.TableReader;
import org.apache.arrow.memory.BufferAllocator;

import java.util.List;

/**
 * Where a figure's table comes from: an input file or standard input, or a table read once into a
 * spool (batch datasets, the shell's loaded data). Each {@link #open} is one pass over the rows.
 */
public interface TableSource {
    String displayName();

    /** Fails, naming the source, if it cannot be read at all, before any work starts. */
    default void checkReadable() {
    }

    /** Opens the table keeping only {@code columns} (null: every column), for one pass over its rows. */
    TableReader open(List<String> columns, BufferAllocator allocator);

    /** Whether {@link #open} may be called again for another pass (standard input and pipes cannot). */
    boolean reopenable();
}
