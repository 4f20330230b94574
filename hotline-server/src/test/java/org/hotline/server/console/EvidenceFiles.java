package org.hotline.server.console;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Real evidence files on disk for the browser's file chooser: a JPEG photo drawn here and a one-page PDF. */
final class EvidenceFiles {

    private static final Path FOLDER = folder();

    private EvidenceFiles() {
    }

    private static Path folder() {
        try {
            return Files.createTempDirectory("hotline-evidence");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 64x48 JPEG named {@code name}; its absolute path. */
    static String photo(String name) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0x1d4ed8));
        graphics.fillRect(8, 8, 48, 32);
        graphics.dispose();
        Path file = FOLDER.resolve(name);
        try {
            ImageIO.write(image, "jpg", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toAbsolutePath().toString();
    }

    /** A minimal one-page PDF named {@code name}; its absolute path. */
    static String pdf(String name) {
        String text = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        Path file = FOLDER.resolve(name);
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toAbsolutePath().toString();
    }
}
