package io.nurture.imports;

import java.io.Reader;

/** The uploaded text read back part by part, one part in memory at a time. */
final class StoredText extends Reader {

    private final ImportStore store;
    private final String importId;
    private int nextPart;
    private String current = "";
    private int position;
    private boolean ended;

    StoredText(ImportStore store, String importId) {
        this.store = store;
        this.importId = importId;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        while (position >= current.length()) {
            if (ended) {
                return -1;
            }
            current = store.part(importId, nextPart++).orElse(null);
            position = 0;
            if (current == null) {
                ended = true;
                current = "";
            }
        }
        int count = Math.min(length, current.length() - position);
        current.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    @Override
    public void close() {
        current = "";
    }
}
