package com.perfectframe.image;

import com.perfectframe.image.metadata.Splice;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import org.bytedeco.javacpp.BytePointer;

/**
 * An encoded picture in native memory, with the metadata put into it ({@link Splice}): written to a file directly,
 * part by part, so that large frames make no Java garbage and metadata costs no copy of the picture.
 */
public final class EncodedImage implements AutoCloseable {

    private BytePointer data;
    private final Splice splice;

    EncodedImage(BytePointer data) {
        this(data, Splice.whole(data.limit()));
    }

    EncodedImage(BytePointer data, Splice splice) {
        this.data = data;
        this.splice = splice;
    }

    /** The encoder's bytes, without metadata: for {@link com.perfectframe.image.metadata.MetadataEmbedding}. */
    ByteBuffer encoded() {
        return data.position(0).capacity(data.limit()).asByteBuffer().asReadOnlyBuffer();
    }

    /** The same picture with metadata put into it as {@code splice} says; this one is not to be used any more. */
    EncodedImage with(Splice splice) {
        EncodedImage spliced = new EncodedImage(data, splice);
        data = null;
        return spliced;
    }

    /** Bytes of the file. */
    public long size() {
        return splice.size();
    }

    public void writeTo(WritableByteChannel channel) throws IOException {
        for (Splice.Part part : splice.parts()) {
            ByteBuffer buffer;
            if (part instanceof Splice.Kept kept) {
                buffer = data.position(0).capacity(data.limit()).asByteBuffer();
                buffer.position((int) kept.from()).limit((int) kept.to());
            } else {
                buffer = ByteBuffer.wrap(((Splice.Added) part).bytes());
            }
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    @Override
    public void close() {
        if (data != null) {
            data.close();
            data = null;
        }
    }
}
