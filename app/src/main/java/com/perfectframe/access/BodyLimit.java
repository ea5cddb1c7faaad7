package com.perfectframe.access;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * How large a request body may be: {@value #MAX_BODY} bytes, or {@value #MAX_SELECTION_BODY} for the gallery's zip of
 * a selection, which lists picture names (about 30,000 of them). A body that declares more is refused before it is
 * read; one of unknown length (chunked) is cut off when it passes the limit ({@link BodyTooLargeException}).
 */
public final class BodyLimit {

    static final int MAX_BODY = 64 * 1024;
    public static final int MAX_SELECTION_BODY = 1024 * 1024;

    private static final String SELECTION_PATH = "/gallery/zip";

    private BodyLimit() {}

    /** The limit for a request to this path. */
    static long of(String path) {
        return SELECTION_PATH.equals(path) ? MAX_SELECTION_BODY : MAX_BODY;
    }

    /** The message of a refusal: the limit, and what to do when it is the selection's. */
    public static String tooLarge(long limit) {
        String message = "The request body is larger than " + limit / 1024 + " KB, the most this service accepts.";
        return limit == MAX_SELECTION_BODY
                ? message + " Select fewer pictures for one zip, and download the rest in another."
                : message;
    }

    /** The request, its body cut off at the limit when its length is not declared. */
    static HttpServletRequest limited(HttpServletRequest request, long limit) {
        return request.getContentLengthLong() < 0 ? new LimitedBody(request, limit) : request;
    }

    /** Thrown by a body stream that goes past the limit; answered with 413 (Content Too Large). */
    public static final class BodyTooLargeException extends IOException {
        private final long limit;

        BodyTooLargeException(long limit) {
            super(tooLarge(limit));
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** A request whose body (of unknown length: chunked) is cut off at the limit. */
    private static final class LimitedBody extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counted(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counted extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        Counted(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
