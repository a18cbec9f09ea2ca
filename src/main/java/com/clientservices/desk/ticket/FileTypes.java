package com.clientservices.desk.ticket;

import com.clientservices.desk.web.PlainText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * What an uploaded file really is, from its first bytes rather than the name or the type the
 * browser claims: screenshots (PNG, JPEG, GIF, WebP), PDF, and plain text (logs, HAR files, CSV).
 * Anything else, HTML and scripts included, is refused.
 */
final class FileTypes {

    private FileTypes() {}

    /**
     * Does the name show as it is named? No control or text-direction characters, so that
     * "invoice \u202Egnp.exe" cannot pose as "invoice exe.png".
     */
    static boolean showsAsNamed(String name) {
        return PlainText.unsafeCharacter(name) < 0;
    }

    static Optional<String> detect(byte[] content) {
        if (starts(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(content, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(content, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (starts(content, 'R', 'I', 'F', 'F')
                && content.length > 12
                && Arrays.equals(Arrays.copyOfRange(content, 8, 12), "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("image/webp");
        }
        if (starts(content, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        return isPlainText(content) ? Optional.of("text/plain") : Optional.empty();
    }

    // UTF-8 text without control characters other than tabs and line breaks, and no markup.
    private static boolean isPlainText(byte[] content) {
        try {
            var text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            var lower = text.toLowerCase();
            return !text.isEmpty()
                    && text.chars().allMatch(c -> c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                    && !lower.contains("<script")
                    && !lower.contains("<html")
                    && !lower.contains("<svg");
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean starts(byte[] content, int... signature) {
        if (content.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((content[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
