package dev.charton.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Opens figure files the way their readers would, so tests assert on what was really written. */
public final class Figures {
    private static final Pattern PDF_PAGE = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");

    private Figures() {
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e, e);
        }
    }

    /** The SVG document; fails unless it parses as XML with an svg root element. */
    public static Document svg(byte[] data) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(data));
            if (!"svg".equals(document.getDocumentElement().getLocalName())) {
                throw new AssertionError("root element is " + document.getDocumentElement().getLocalName());
            }
            return document;
        } catch (Exception e) {
            throw new AssertionError("not an SVG document: " + e, e);
        }
    }

    /** Number of pages of a PDF; fails unless the data starts with a PDF header. */
    public static int pdfPages(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("%PDF-")) {
            throw new AssertionError("no PDF header");
        }
        return (int) PDF_PAGE.matcher(text).results().count();
    }

    public static JsonNode json(byte[] data) {
        try {
            return new ObjectMapper().readTree(data);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + e, e);
        }
    }
}
