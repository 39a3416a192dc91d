package dev.charton.shell;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code renderer [NAME]}: the renderer of plots without -r; without NAME, the list. */
@Command(name = "renderer", description = "Use NAME for the plots that follow (without NAME: list the renderers).")
final class RendererCommand implements Runnable {
    private final Shell shell;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "A renderer or template plugin.")
    String name;

    RendererCommand(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void run() {
        Session session = shell.session();
        if (name == null) {
            shell.console().print(session.catalog().table() + "\nIn use: " + session.renderer());
            return;
        }
        session.useRenderer(name);
        shell.console().print("renderer: " + name);
    }
}
