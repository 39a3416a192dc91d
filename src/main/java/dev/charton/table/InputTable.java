package dev.charton.table;

import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import org.apache.arrow.memory.BufferAllocator;

import java.util.List;

/** A table read straight from an input, in whichever format it is, with the options given. */
public record InputTable(InputSource input, ReadOptions options) implements TableSource {
    @Override
    public String displayName() {
        return input.displayName();
    }

    @Override
    public void checkReadable() {
        input.checkReadable();
    }

    @Override
    public TableReader open(List<String> columns, BufferAllocator allocator) {
        ReadOptions projected = columns == null ? options
                : new ReadOptions(options.format(), options.csv(), columns, options.limit());
        return TableReaders.open(input, projected, allocator);
    }

    @Override
    public boolean reopenable() {
        return input.isRegularFile();
    }
}
