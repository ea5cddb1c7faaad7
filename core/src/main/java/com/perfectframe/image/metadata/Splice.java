package com.perfectframe.image.metadata;

import java.util.List;

/**
 * An encoded picture with metadata put into it, described without copying the picture: ranges of its original bytes
 * ({@link Kept}) and new bytes between them ({@link Added}), in file order. The picture itself stays where its
 * encoder left it (native memory), and is written out part by part.
 */
public record Splice(List<Part> parts) {

    /** A piece of the file. */
    public sealed interface Part permits Kept, Added {
        long length();
    }

    /** Bytes {@code from} (inclusive) to {@code to} (exclusive) of the encoded picture. */
    public record Kept(long from, long to) implements Part {
        @Override
        public long length() {
            return to - from;
        }
    }

    /** New bytes. */
    public record Added(byte[] bytes) implements Part {
        @Override
        public long length() {
            return bytes.length;
        }
    }

    public Splice {
        parts = List.copyOf(parts);
    }

    /** The picture as it is. */
    public static Splice whole(long size) {
        return new Splice(List.of(new Kept(0, size)));
    }

    /** Bytes of the file. */
    public long size() {
        return parts.stream().mapToLong(Part::length).sum();
    }
}
