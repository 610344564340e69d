package org.medfetch.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the bundled catalog or a catalog file, refusing anything that is not UTF-8 text. */
public final class CatalogLoader {

    public static final String BUNDLED = "bundled";
    private static final String BUNDLED_RESOURCE = "/org/medfetch/catalog/bundled.md";
    /** Catalogs are hand-written Markdown; anything larger is almost certainly the wrong file. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    public Catalog bundled() {
        byte[] precomputed = resource(PrecomputedCatalog.RESOURCE);
        return precomputed != null ? PrecomputedCatalog.read(new String(precomputed, StandardCharsets.UTF_8))
                : bundledMarkdown();
    }

    /** The bundled catalog parsed from its Markdown (what the build precomputes). */
    Catalog bundledMarkdown() {
        byte[] markdown = resource(BUNDLED_RESOURCE);
        if (markdown == null) {
            throw new IllegalStateException("the bundled catalog is missing from the jar");
        }
        try {
            return new MarkdownCatalogParser().parse(decode(BUNDLED, markdown));
        } catch (CatalogException e) {
            throw new IllegalStateException("the bundled catalog cannot be read", e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("the bundled catalog cannot be read", e);
        }
    }

    /** Reads a catalog file; {@code shown} is how the path is named in messages and manifests. */
    public Catalog file(Path path, String shown) throws CatalogException {
        try {
            if (Files.isDirectory(path)) {
                throw new CatalogException("catalog " + shown + " is a directory, not a Markdown file");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new CatalogException("catalog " + shown + " is larger than 64 MiB; is it the right file?");
            }
            return parse(decode(shown, Files.readAllBytes(path)));
        } catch (NoSuchFileException e) {
            throw new CatalogException("catalog " + shown + " does not exist");
        } catch (IOException e) {
            throw new CatalogException("catalog " + shown + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** A catalog's bytes as given by URL, read in the format its name or first line tells. */
    public Catalog bytes(String origin, byte[] bytes) throws CatalogException {
        if (bytes.length > MAX_BYTES) {
            throw new CatalogException("catalog " + origin + " is larger than 64 MiB; is it the right file?");
        }
        return parse(decode(origin, bytes));
    }

    /** Markdown, CSV, TSV or JSON Lines, as the catalog's name or first line tells. */
    public Catalog parse(CatalogText text) {
        return switch (CatalogFormat.of(text.origin(), text.text())) {
            case MARKDOWN -> new MarkdownCatalogParser().parse(text);
            case CSV -> new DelimitedCatalogParser(',').parse(text);
            case TSV -> new DelimitedCatalogParser('\t').parse(text);
            case JSON_LINES -> new JsonLinesCatalogParser().parse(text);
        };
    }

    private static CatalogText decode(String origin, byte[] bytes) throws CatalogException {
        for (byte b : bytes) {
            if (b == 0) {
                throw new CatalogException("catalog " + origin + " is a binary file, not Markdown text");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return new CatalogText(origin, CatalogText.sha256(bytes), text);
        } catch (CharacterCodingException e) {
            throw new CatalogException("catalog " + origin + " is not UTF-8 text; save it as UTF-8");
        }
    }
}
