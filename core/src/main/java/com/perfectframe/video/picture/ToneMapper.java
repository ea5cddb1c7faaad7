package com.perfectframe.video.picture;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT470BG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_ARIB_STD_B67;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_SMPTE2084;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_BE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_PLANAR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_RGB;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.ffmpeg.avutil.AVComponentDescriptor;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.javacpp.ShortPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Turns HDR pictures (BT.2020 with the PQ or HLG transfer, what phones record by default) into SDR BT.709 ones, so
 * that they are neither written nor scored grey and washed out.
 *
 * <p>The same steps as FFmpeg's {@code zscale=t=linear:npl=100, zscale=p=bt709, tonemap=hable:desat=0,
 * zscale=t=bt709} chain: light in units of 100 cd/m², BT.2020 to BT.709 primaries in linear light, John Hable's
 * filmic curve on the brightest component scaled to the picture's peak (HDR10 metadata, else 1000 cd/m²), then
 * the inverse of BT.1886's EOTF (SDR display gamma 2.4). HLG is first turned into display light for a 1000 cd/m²
 * display. Not thread-safe: it keeps its scratch buffers between frames.
 */
final class ToneMapper {

    /** Light level of SDR white, the unit of linear light (zscale's npl=100). */
    private static final double REFERENCE_WHITE = 100;

    /** Peak assumed when the video does not give one: the common HDR10 mastering peak, and HLG's reference. */
    static final double DEFAULT_PEAK = 1000;

    private static final int SIGNAL_STEPS = 4096;

    private static final float[] PQ_TO_LINEAR = pqToLinear();
    private static final float[] HLG_TO_LINEAR = hlgToLinear();
    private static final byte[] LINEAR_TO_SDR = bt1886Inverse();

    /**
     * Brightest linear light a component can reach: PQ's 10000 cd/m², times the largest gain of the primaries
     * conversion (1.66 for a pure BT.2020 red), rounded up.
     */
    private static final double MAX_LINEAR = 2 * 10000 / REFERENCE_WHITE;

    private static final int SCALE_STEPS = 8192;

    /** Square root of a linear light to its place in the scale table. */
    private static final float SCALE_INDEX = (float) ((SCALE_STEPS - 1) / Math.sqrt(MAX_LINEAR));

    private float[] scales = new float[0];
    private double scalesPeak = Double.NaN;
    private short[] lumaRow = new short[0];
    private short[] blueRow = new short[0];
    private short[] redRow = new short[0];
    private short[] rgbRow = new short[0];
    private byte[] bgrRow = new byte[0];

    /** True when the frame is HDR (PQ or HLG transfer) and needs tone mapping. */
    static boolean isHdr(AVFrame frame) {
        int transfer = frame.color_trc();
        return transfer == AVCOL_TRC_SMPTE2084 || transfer == AVCOL_TRC_ARIB_STD_B67;
    }

    /**
     * True for the planar YUV formats of 9 to 16 bits that software decoders give HDR video in (yuv420p10le and
     * its kin), which {@link #toSdr(AVFrame, double)} reads itself: one pass, a row at a time, instead of a 48-bit
     * RGB copy of a 4K frame (50 MB) through FFmpeg's slow generic scaler.
     */
    static boolean readsDirectly(AVFrame frame) {
        AVPixFmtDescriptor format = av_pix_fmt_desc_get(frame.format());
        if (format == null
                || format.nb_components() < 3
                || (format.flags() & AV_PIX_FMT_FLAG_PLANAR) == 0
                || (format.flags() & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_BE)) != 0) {
            return false;
        }
        for (int c = 0; c < 3; c++) {
            AVComponentDescriptor component = format.comp(c);
            if (component.plane() != c
                    || component.step() != 2
                    || component.shift() != 0
                    || component.depth() <= 8
                    || component.depth() > 16) {
                return false;
            }
        }
        return true;
    }

    /** Tone-maps a planar YUV frame that {@link #readsDirectly} accepts into a new 8-bit BGR picture. */
    Mat toSdr(AVFrame frame, double peak) {
        AVPixFmtDescriptor format = av_pix_fmt_desc_get(frame.format());
        int width = frame.width();
        int height = frame.height();
        int chromaShiftX = format.log2_chroma_w();
        int chromaShiftY = format.log2_chroma_h();
        int chromaWidth = (width + (1 << chromaShiftX) - 1) >> chromaShiftX;
        int depth = format.comp(0).depth();
        boolean full = frame.color_range() == AVCOL_RANGE_JPEG;
        double max = (1 << depth) - 1;
        double unit = 1 << (depth - 8);
        // Code value to the 0..1 signal: limited range puts black at 16 and white at 235 (chroma 16..240).
        float lumaScale = (float) (full ? 1 / max : 1 / (219 * unit));
        float lumaOffset = (float) (full ? 0 : 16 * unit);
        float chromaScale = (float) (full ? 1 / max : 1 / (224 * unit));
        float chromaOffset = (float) (1 << (depth - 1));
        double[] k = lumaWeights(frame.colorspace());
        float crToR = (float) (2 * (1 - k[0]));
        float cbToB = (float) (2 * (1 - k[1]));
        float cbToG = (float) (2 * k[1] * (1 - k[1]) / (1 - k[0] - k[1]));
        float crToG = (float) (2 * k[0] * (1 - k[0]) / (1 - k[0] - k[1]));
        float[] toLinear = frame.color_trc() == AVCOL_TRC_ARIB_STD_B67 ? HLG_TO_LINEAR : PQ_TO_LINEAR;
        float[] scales = scales(peak);
        if (lumaRow.length < width) {
            lumaRow = new short[width];
            blueRow = new short[chromaWidth];
            redRow = new short[chromaWidth];
            bgrRow = new byte[width * 3];
        }
        Mat out = new Mat(height, width, CV_8UC3);
        try {
            for (int y = 0; y < height; y++) {
                int chromaY = y >> chromaShiftY;
                row(frame, 0, y, lumaRow, width);
                row(frame, 1, chromaY, blueRow, chromaWidth);
                row(frame, 2, chromaY, redRow, chromaWidth);
                float red = 0;
                float green = 0;
                float blue = 0;
                for (int x = 0; x < width; x++) {
                    if ((x & ((1 << chromaShiftX) - 1)) == 0) {
                        float cb = ((blueRow[x >> chromaShiftX] & 0xFFFF) - chromaOffset) * chromaScale;
                        float cr = ((redRow[x >> chromaShiftX] & 0xFFFF) - chromaOffset) * chromaScale;
                        red = crToR * cr;
                        green = -cbToG * cb - crToG * cr;
                        blue = cbToB * cb;
                    }
                    float luma = ((lumaRow[x] & 0xFFFF) - lumaOffset) * lumaScale;
                    map(
                            toLinear[code(luma + red)],
                            toLinear[code(luma + green)],
                            toLinear[code(luma + blue)],
                            scales,
                            bgrRow,
                            x * 3);
                }
                out.ptr(y).put(bgrRow, 0, width * 3);
            }
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /**
     * Tone-maps 16-bit RGB (still carrying the HDR transfer, full range) into a new 8-bit BGR picture: the way for
     * pixel formats that {@link #readsDirectly} does not take, after FFmpeg's scaler.
     *
     * @param rgb48 the frame as CV_16UC3 in R, G, B order
     * @param hlg whether the transfer is HLG rather than PQ
     * @param peak the picture's brightest light in cd/m², or 0 when unknown
     */
    Mat toSdr(Mat rgb48, boolean hlg, double peak) {
        if (rgb48.type() != CV_16UC3) {
            throw new IllegalArgumentException("expected 16-bit RGB");
        }
        int width = rgb48.cols();
        int height = rgb48.rows();
        float[] toLinear = hlg ? HLG_TO_LINEAR : PQ_TO_LINEAR;
        float[] scales = scales(peak);
        if (rgbRow.length < width * 3) {
            rgbRow = new short[width * 3];
            bgrRow = new byte[width * 3];
        }
        Mat out = new Mat(height, width, CV_8UC3);
        for (int y = 0; y < height; y++) {
            new ShortPointer(rgb48.ptr(y)).get(rgbRow, 0, width * 3);
            for (int x = 0; x < width; x++) {
                int i = x * 3;
                map(
                        toLinear[rgbRow[i] & 0xFFFF],
                        toLinear[rgbRow[i + 1] & 0xFFFF],
                        toLinear[rgbRow[i + 2] & 0xFFFF],
                        scales,
                        bgrRow,
                        i);
            }
            out.ptr(y).put(bgrRow, 0, width * 3);
        }
        return out;
    }

    /** One pixel: BT.2020 linear light to tone-mapped BT.709, written as B, G, R bytes at {@code at}. */
    private static void map(float r, float g, float b, float[] scales, byte[] out, int at) {
        float r709 = 1.660491f * r - 0.587641f * g - 0.072850f * b;
        float g709 = -0.124550f * r + 1.132900f * g - 0.008349f * b;
        float b709 = -0.018151f * r - 0.100579f * g + 1.118730f * b;
        float brightest = r709 > g709 ? r709 : g709;
        brightest = brightest > b709 ? brightest : b709;
        float scale = brightest > 0 ? scales[Math.min((int) (Math.sqrt(brightest) * SCALE_INDEX), SCALE_STEPS - 1)] : 0;
        out[at] = signal(b709 * scale);
        out[at + 1] = signal(g709 * scale);
        out[at + 2] = signal(r709 * scale);
    }

    /** A 0..1 signal as an index into the 16-bit transfer tables. */
    private static int code(float signal) {
        int code = (int) (signal * 65535 + 0.5f);
        return code < 0 ? 0 : code > 65535 ? 65535 : code;
    }

    private static void row(AVFrame frame, int plane, int y, short[] into, int samples) {
        // A fresh pointer at the plane's start, positioned in 16-bit units (a byte position would be misread).
        new ShortPointer(frame.data(plane))
                .position((long) y * frame.linesize(plane) / 2)
                .get(into, 0, samples);
    }

    /** Kr and Kb of the frame's YUV matrix; HDR video is BT.2020 unless it says otherwise. */
    private static double[] lumaWeights(int colorspace) {
        if (colorspace == AVCOL_SPC_BT709) {
            return new double[] {0.2126, 0.0722};
        }
        if (colorspace == AVCOL_SPC_BT470BG || colorspace == AVCOL_SPC_SMPTE170M) {
            return new double[] {0.299, 0.114};
        }
        return new double[] {0.2627, 0.0593};
    }

    /**
     * The factor each pixel is multiplied by, hable(x)/hable(peak)/x for its brightest component x, tabulated by the
     * square root of x (fine steps where the curve bends, in the darks), for one peak at a time.
     */
    private float[] scales(double peakLuminance) {
        double peak = (peakLuminance > 0 ? peakLuminance : DEFAULT_PEAK) / REFERENCE_WHITE;
        if (peak != scalesPeak) {
            scales = new float[SCALE_STEPS];
            float hablePeak = hable((float) peak);
            for (int k = 0; k < SCALE_STEPS; k++) {
                double root = (k + 0.5) / (SCALE_STEPS - 1) * Math.sqrt(MAX_LINEAR);
                float x = (float) Math.max(root * root, 1e-6);
                scales[k] = hable(x) / hablePeak / x;
            }
            scalesPeak = peak;
        }
        return scales;
    }

    /** Hable's filmic curve as FFmpeg's tonemap filter has it. */
    static float hable(float x) {
        float a = 0.15f;
        float b = 0.50f;
        float c = 0.10f;
        float d = 0.20f;
        float e = 0.02f;
        float f = 0.30f;
        return (x * (x * a + b * c) + d * e) / (x * (x * a + b) + d * f) - e / f;
    }

    private static byte signal(float linear) {
        if (!(linear > 0)) {
            return 0;
        }
        if (linear >= 1) {
            return (byte) 255;
        }
        return LINEAR_TO_SDR[(int) (Math.sqrt(linear) * (SIGNAL_STEPS - 1) + 0.5)];
    }

    /** SMPTE ST 2084 (PQ) code value to linear light in units of reference white. */
    static double pq(double code) {
        double m1 = 2610.0 / 16384;
        double m2 = 2523.0 / 4096 * 128;
        double c1 = 3424.0 / 4096;
        double c2 = 2413.0 / 4096 * 32;
        double c3 = 2392.0 / 4096 * 32;
        double p = Math.pow(Math.max(code, 0), 1 / m2);
        return 10000 / REFERENCE_WHITE * Math.pow(Math.max(p - c1, 0) / (c2 - c3 * p), 1 / m1);
    }

    /** ARIB STD-B67 (HLG) code value to scene light, 0 to 1. */
    static double hlg(double code) {
        double a = 0.17883277;
        double b = 1 - 4 * a;
        double c = 0.5 - a * Math.log(4 * a);
        double e = Math.max(code, 0);
        return e <= 0.5 ? e * e / 3 : (Math.exp((e - c) / a) + b) / 12;
    }

    private static float[] pqToLinear() {
        float[] table = new float[65536];
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) pq(i / 65535.0);
        }
        return table;
    }

    /**
     * HLG code value to display light on a 1000 cd/m² display, in units of reference white: the inverse OETF, then
     * the system gamma of 1.2 applied to each component, as zscale does (BT.2100 applies it to the luminance; the
     * difference is a slight change of saturation in bright colours).
     */
    private static float[] hlgToLinear() {
        float[] table = new float[65536];
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) (DEFAULT_PEAK / REFERENCE_WHITE * Math.pow(hlg(i / 65535.0), 1.2));
        }
        return table;
    }

    /**
     * Display light to an SDR signal through the inverse of BT.1886's EOTF (gamma 2.4, black at zero): the light is
     * display-referred by now, so this, not the camera's BT.709 OETF, is what shows it as graded (zscale does the
     * same for t=bt709).
     */
    private static byte[] bt1886Inverse() {
        byte[] table = new byte[SIGNAL_STEPS];
        for (int i = 0; i < SIGNAL_STEPS; i++) {
            double root = i / (double) (SIGNAL_STEPS - 1);
            // Indexed by the square root of the light, so that the dark end, where the curve is steep, is fine.
            table[i] = (byte) Math.round(Math.pow(root * root, 1 / 2.4) * 255);
        }
        return table;
    }
}
