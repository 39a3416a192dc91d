package dev.charton.options;

import dev.charton.pipeline.RenderRequest;

import java.util.Iterator;
import java.util.List;

/**
 * The renderers charton ships (python-templates/chartonpy/renderers), offered by shell completion
 * and listed in --help. A test checks that every renderer the Python registry knows is here.
 */
public final class BuiltinRenderers implements Iterable<String> {
    public static final List<String> NAMES = RenderRequest.BUILTIN_RENDERERS;

    @Override
    public Iterator<String> iterator() {
        return NAMES.iterator();
    }
}
