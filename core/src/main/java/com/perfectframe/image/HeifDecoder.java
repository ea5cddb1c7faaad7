package com.perfectframe.image;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AV_STREAM_GROUP_PARAMS_TILE_GRID;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import com.perfectframe.video.container.FfmpegErrors;
import com.perfectframe.video.container.FfmpegLogging;
import com.perfectframe.video.picture.BgrConverter;
import com.perfectframe.video.picture.Orientation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avformat.AVStreamGroup;
import org.bytedeco.ffmpeg.avformat.AVStreamGroupTileGrid;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Decodes the primary picture of a HEIF file (HEIC, AVIF) with FFmpeg into 8-bit BGR as a viewer shows it.
 *
 * <p>FFmpeg's demuxer reads the items: each coded item is a stream whose id is the item's, a grid is a tile-grid
 * stream group with each tile's place, and the {@code irot}/{@code imir} properties are a display matrix in the
 * stream's or the group's side data; {@code nclx} colour is in the stream's parameters. What FFmpeg leaves to its
 * caller is done here: each tile is decoded (HEVC or AV1) and its colours converted as video frames are ({@link
 * BgrConverter}: matrix, range, 10/12 bits to 8, PQ/HLG tone-mapped), then pasted at its place; the grid is cropped
 * to its output size; the alpha plane (an auxiliary item that {@link HeifStructure} finds) is composited over white;
 * and the picture is turned upright.
 */
final class HeifDecoder {

    private HeifDecoder() {}

    /**
     * The primary picture, upright; the caller closes it.
     *
     * @param maxPixels the most pixels any one coded item may decode to (FFmpeg's own check, after the header's)
     * @throws IOException with a one-line reason
     */
    static Mat decode(Path file, HeifStructure heif, long maxPixels) throws IOException {
        FfmpegLogging.configure();
        AVFormatContext format = new AVFormatContext(null);
        int rc = avformat_open_input(format, file.toAbsolutePath().toString(), null, (AVDictionary) null);
        if (rc < 0) {
            throw new IOException("cannot be opened as a HEIF picture (" + FfmpegErrors.describe(rc) + ")");
        }
        Mat colour = null;
        Mat alpha = null;
        try {
            int primary = heif.primary();
            Picture picture = Picture.of(format, heif, primary);
            int alphaItem = heif.alphaOf(primary);
            Picture alphaPicture = alphaItem < 0 ? null : Picture.of(format, heif, alphaItem);
            decodeTiles(format, picture, alphaPicture, maxPixels);
            colour = picture.result();
            if (alphaPicture != null) {
                alpha = alphaPicture.result();
                Mat composited = overWhite(colour, alpha);
                colour.close();
                colour = composited;
            }
            Mat upright = picture.orientation.apply(colour);
            if (upright != colour) {
                colour.close();
            }
            colour = null;
            return upright;
        } finally {
            if (colour != null) {
                colour.close();
            }
            if (alpha != null) {
                alpha.close();
            }
            avformat_close_input(format);
        }
    }

    /** Reads the file's packets once and decodes each that belongs to the picture or its alpha plane. */
    private static void decodeTiles(AVFormatContext format, Picture colour, Picture alpha, long maxPixels)
            throws IOException {
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try (BgrConverter converter = new BgrConverter()) {
            while (true) {
                av_packet_unref(packet);
                int rc = av_read_frame(format, packet);
                if (rc == AVERROR_EOF()) {
                    break;
                }
                if (rc < 0) {
                    throw new IOException("cannot be read further (" + FfmpegErrors.describe(rc) + ")");
                }
                Picture owner = colour.owns(packet.stream_index()) ? colour : alpha;
                if (owner == null || !owner.owns(packet.stream_index())) {
                    continue;
                }
                AVStream stream = format.streams(packet.stream_index());
                decodeOne(stream.codecpar(), packet, frame, maxPixels);
                try (Mat bgr = converter.colours(frame)) {
                    owner.paste(packet.stream_index(), bgr);
                }
            }
        } finally {
            av_packet_free(packet);
            av_frame_free(frame);
        }
        colour.checkComplete();
        if (alpha != null) {
            alpha.checkComplete();
        }
    }

    /** Decodes one item's packet into {@code frame}, with the container's colour description where it gives one. */
    private static void decodeOne(AVCodecParameters parameters, AVPacket packet, AVFrame frame, long maxPixels)
            throws IOException {
        AVCodec codec = avcodec_find_decoder(parameters.codec_id());
        if (codec == null) {
            throw new IOException("uses the "
                    + avcodec_get_name(parameters.codec_id()).getString() + " codec, which this build cannot decode");
        }
        AVCodecContext context = avcodec_alloc_context3(codec);
        try {
            int rc = avcodec_parameters_to_context(context, parameters);
            if (rc >= 0) {
                context.thread_count(1);
                if (maxPixels < Integer.MAX_VALUE) {
                    context.max_pixels(maxPixels);
                }
                rc = avcodec_open2(context, codec, (AVDictionary) null);
            }
            if (rc >= 0) {
                rc = avcodec_send_packet(context, packet);
            }
            if (rc >= 0) {
                avcodec_send_packet(context, null);
                rc = avcodec_receive_frame(context, frame);
            }
            if (rc < 0) {
                throw new IOException("cannot be decoded: its picture data is damaged or cut short ("
                        + FfmpegErrors.describe(rc) + ")");
            }
        } finally {
            avcodec_free_context(context);
        }
        // The nclx colour property describes the picture, whatever the coded stream says (ISO/IEC 23008-12, 6.5.5).
        if (parameters.color_space() != AVCOL_SPC_UNSPECIFIED) {
            frame.colorspace(parameters.color_space());
        }
        if (parameters.color_range() != AVCOL_RANGE_UNSPECIFIED) {
            frame.color_range(parameters.color_range());
        }
        if (parameters.color_trc() != AVCOL_TRC_UNSPECIFIED) {
            frame.color_trc(parameters.color_trc());
        }
        if (parameters.color_primaries() != AVCOL_PRI_UNSPECIFIED) {
            frame.color_primaries(parameters.color_primaries());
        }
    }

    /** colour · α + white · (1 − α), as {@link BgrPixels} does for PNG. */
    private static Mat overWhite(Mat colour, Mat alphaBgr) {
        try (Mat alpha = new Mat();
                Mat sized = new Mat()) {
            extractChannel(alphaBgr, alpha, 0);
            Mat plane = alpha;
            if (alpha.cols() != colour.cols() || alpha.rows() != colour.rows()) {
                resize(alpha, sized, new Size(colour.cols(), colour.rows()), 0, 0, INTER_LINEAR);
                plane = sized;
            }
            return BgrPixels.overWhite(colour, plane);
        }
    }

    /**
     * One item as FFmpeg presents it: a single coded stream, or a grid of tile streams on a canvas cropped to the
     * output size; and how it is to be turned.
     */
    private static final class Picture {
        private final Map<Integer, int[]> places = new HashMap<>(); // stream index -> x, y on the canvas
        private final int canvasWidth;
        private final int canvasHeight;
        private final Rect crop;
        private final Orientation orientation;
        private final String what;
        private Mat canvas;
        private int pasted;

        private Picture(int canvasWidth, int canvasHeight, Rect crop, Orientation orientation, String what) {
            this.canvasWidth = canvasWidth;
            this.canvasHeight = canvasHeight;
            this.crop = crop;
            this.orientation = orientation;
            this.what = what;
        }

        static Picture of(AVFormatContext format, HeifStructure heif, int item) throws IOException {
            if ("grid".equals(heif.type(item))) {
                return grid(format, heif, item);
            }
            for (int i = 0; i < format.nb_streams(); i++) {
                AVStream stream = format.streams(i);
                if (stream.id() == item) {
                    AVCodecParameters p = stream.codecpar();
                    Picture picture = new Picture(
                            -1,
                            -1,
                            null,
                            Orientation.ofSideData(p.coded_side_data(), p.nb_coded_side_data()),
                            "item " + item);
                    picture.places.put(i, new int[] {0, 0});
                    return picture;
                }
            }
            throw new IOException("cannot be decoded: FFmpeg does not see its primary picture (item " + item + ", "
                    + heif.type(item) + ")");
        }

        private static Picture grid(AVFormatContext format, HeifStructure heif, int item) throws IOException {
            List<Integer> tiles = heif.tiles(item);
            for (int g = 0; g < format.nb_stream_groups(); g++) {
                AVStreamGroup group = format.stream_groups(g);
                if (group.type() != AV_STREAM_GROUP_PARAMS_TILE_GRID || group.nb_streams() == 0) {
                    continue;
                }
                AVStreamGroupTileGrid grid = group.params_tile_grid();
                if (grid.nb_tiles() != tiles.size()
                        || !tiles.contains((int) group.streams(0).id())) {
                    continue;
                }
                Picture picture = new Picture(
                        grid.coded_width(),
                        grid.coded_height(),
                        new Rect(grid.horizontal_offset(), grid.vertical_offset(), grid.width(), grid.height()),
                        Orientation.ofSideData(grid.coded_side_data(), grid.nb_coded_side_data()),
                        "grid " + item);
                for (int t = 0; t < grid.nb_tiles(); t++) {
                    AVStream stream = group.streams(grid.offsets_idx(t));
                    picture.places.put(
                            stream.index(), new int[] {grid.offsets_horizontal(t), grid.offsets_vertical(t)});
                }
                return picture;
            }
            throw new IOException("cannot be decoded: FFmpeg does not see the tiles of its grid (item " + item + ")");
        }

        boolean owns(int streamIndex) {
            return places.containsKey(streamIndex);
        }

        /** Takes a decoded item or tile (BGR); a single item becomes the picture itself. */
        void paste(int streamIndex, Mat bgr) {
            int[] at = places.get(streamIndex);
            pasted++;
            if (canvasWidth < 0) {
                if (canvas != null) {
                    canvas.close();
                }
                canvas = bgr.clone();
                return;
            }
            if (canvas == null) {
                canvas = new Mat(canvasHeight, canvasWidth, CV_8UC3, Scalar.all(0));
            }
            int width = Math.min(bgr.cols(), canvasWidth - at[0]);
            int height = Math.min(bgr.rows(), canvasHeight - at[1]);
            if (width <= 0 || height <= 0 || at[0] < 0 || at[1] < 0) {
                return;
            }
            try (Rect from = new Rect(0, 0, width, height);
                    Rect to = new Rect(at[0], at[1], width, height);
                    Mat source = bgr.apply(from);
                    Mat target = canvas.apply(to)) {
                source.copyTo(target);
            }
        }

        void checkComplete() throws IOException {
            if (pasted < places.size() || canvas == null) {
                throw new IOException("is cut short or damaged: " + (places.size() - pasted) + " of the "
                        + places.size() + " coded parts of its " + what + " could not be read");
            }
        }

        /** The decoded picture, cropped to its output size; the caller closes it. */
        Mat result() {
            Mat whole = canvas;
            canvas = null;
            if (crop == null
                    || crop.x() == 0
                            && crop.y() == 0
                            && crop.width() == whole.cols()
                            && crop.height() == whole.rows()) {
                return whole;
            }
            int x = Math.max(0, Math.min(crop.x(), whole.cols() - 1));
            int y = Math.max(0, Math.min(crop.y(), whole.rows() - 1));
            int width = Math.max(1, Math.min(crop.width(), whole.cols() - x));
            int height = Math.max(1, Math.min(crop.height(), whole.rows() - y));
            try (whole;
                    Rect region = new Rect(x, y, width, height);
                    Mat view = whole.apply(region)) {
                return view.clone();
            }
        }
    }
}
