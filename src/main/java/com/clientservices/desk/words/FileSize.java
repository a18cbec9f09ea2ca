package com.clientservices.desk.words;

import java.util.Locale;

/** A file's size as people read it: {@code 1 byte}, {@code 820 bytes}, {@code 12 KB}, {@code 2.4 MB}. */
public final class FileSize {

    private FileSize() {}

    public static String of(long bytes) {
        return bytes < 1024
                ? bytes + (bytes == 1 ? " byte" : " bytes")
                : bytes < 1024 * 1024
                        ? (bytes + 512) / 1024 + " KB"
                        : String.format(Locale.US, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
