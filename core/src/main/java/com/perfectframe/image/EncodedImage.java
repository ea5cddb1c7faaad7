package com.perfectframe.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import org.bytedeco.javacpp.BytePointer;

/** An encoded picture in native memory: written to a file directly, so large frames make no Java garbage. */
public final class EncodedImage implements AutoCloseable {

    private BytePointer data;

    EncodedImage(BytePointer data) {
        this.data = data;
    }

    /** The bytes, for {@link MetadataEmbedding}. */
    BytePointer data() {
        return data;
    }

    public long size() {
        return data.limit();
    }

    public void writeTo(WritableByteChannel channel) throws IOException {
        ByteBuffer buffer = data.position(0).capacity(data.limit()).asByteBuffer();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
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
