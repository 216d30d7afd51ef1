package io.nurture.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.function.BiConsumer;

/** Hands on what it reads and stores it on the way in parts of {@code partLength} characters: the upload as scanned. */
final class PartWritingReader extends Reader {

    private final Reader in;
    private final int partLength;
    private final BiConsumer<Integer, String> store;
    private final StringBuilder part;
    private int parts;

    PartWritingReader(Reader in, int partLength, BiConsumer<Integer, String> store) {
        this.in = in;
        this.partLength = partLength;
        this.store = store;
        this.part = new StringBuilder(Math.min(partLength, 64 * 1024));
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int count = in.read(buffer, offset, length);
        if (count > 0) {
            int from = offset;
            int left = count;
            while (left > 0) {
                int taken = Math.min(left, partLength - part.length());
                part.append(buffer, from, taken);
                from += taken;
                left -= taken;
                if (part.length() == partLength) {
                    flush();
                }
            }
        } else if (count == -1) {
            flush();
        }
        return count;
    }

    private void flush() {
        if (!part.isEmpty()) {
            store.accept(parts++, part.toString());
            part.setLength(0);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
