package dev.charton.options;

import dev.charton.testing.Tools;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shell completion offers every renderer the Python side registers. */
class BuiltinRenderersTest {

    @Test
    void everyRegisteredRendererIsOffered() {
        Tools.Output out = Tools.run(List.of("python3", "-c",
                "import sys; sys.path.insert(0, 'python-templates'); from chartonpy.renderers import names; print(*names())"),
                Map.of());
        assertEquals(0, out.exitCode(), out.stderr());
        List<String> registered = List.of(out.stdout().trim().split(" "));
        assertTrue(registered.contains("matplotlib"), out.stdout());
        assertTrue(BuiltinRenderers.NAMES.containsAll(registered),
                "Python registers " + registered + "; BuiltinRenderers offers " + BuiltinRenderers.NAMES);
    }
}
