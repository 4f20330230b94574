package org.hotline.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EvidenceFilesTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theKindIsReadFromTheFirstBytes() {
        assertThat(FileKind.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe1})).contains(FileKind.JPEG);
        assertThat(FileKind.sniff(ascii("\u0089PNG\r\n\u001a\n...."))).contains(FileKind.PNG);
        assertThat(FileKind.sniff(ascii("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))).contains(FileKind.WEBP);
        assertThat(FileKind.sniff(ascii("%PDF-1.4\n"))).contains(FileKind.PDF);
    }

    @Test
    void pagesScriptsAndOtherFilesAreNoneOfTheKeptKinds() {
        assertThat(FileKind.sniff(ascii("<html><script>"))).isEmpty();
        assertThat(FileKind.sniff(ascii("<svg xmlns="))).isEmpty();
        assertThat(FileKind.sniff(ascii("MZ\u0090\u0000"))).isEmpty();
        assertThat(FileKind.sniff(ascii("RIFF\u0000\u0000\u0000\u0000WAVE"))).isEmpty();
        assertThat(FileKind.sniff(new byte[0])).isEmpty();
    }

    @Test
    void aFileNameLosesItsDirectoriesAndReservedCharactersAndEndsWithItsKindsExtension() {
        assertThat(SafeFileName.of("C:\\fakepath\\现场照片.JPG", FileKind.JPEG)).isEqualTo("现场照片.JPG");
        assertThat(SafeFileName.of("photo.jpeg", FileKind.JPEG)).isEqualTo("photo.jpeg");
        assertThat(SafeFileName.of("../../etc/passwd", FileKind.PDF)).isEqualTo("passwd.pdf");
        assertThat(SafeFileName.of("a\"b;c\r\n.png", FileKind.PNG)).isEqualTo("a_b_c__.png");
        assertThat(SafeFileName.of("invoice.pdf.exe", FileKind.PDF)).isEqualTo("invoice.pdf.exe.pdf");
        assertThat(SafeFileName.of("...", FileKind.JPEG)).isEqualTo("附件.jpg");
        assertThat(SafeFileName.of(null, FileKind.WEBP)).isEqualTo("附件.webp");
        assertThat(SafeFileName.of("长".repeat(200) + ".jpg", FileKind.JPEG)).hasSize(SafeFileName.MAX_LENGTH).endsWith("长.jpg");
    }
}
