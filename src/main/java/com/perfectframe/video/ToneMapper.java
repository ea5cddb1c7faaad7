package com.perfectframe.video;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_ARIB_STD_B67;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_SMPTE2084;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.ffmpeg.avutil.AVFrame;
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

    /** BT.2020 to BT.709 primaries in linear light (ITU-R BT.2087). */
    private static final float[] PRIMARIES = {
        1.660491f, -0.587641f, -0.072850f, -0.124550f, 1.132900f, -0.008349f, -0.018151f, -0.100579f, 1.118730f
    };

    private short[] rgb = new short[0];
    private byte[] bgr = new byte[0];

    /** True when the frame is HDR (PQ or HLG transfer) and needs tone mapping. */
    static boolean isHdr(AVFrame frame) {
        int transfer = frame.color_trc();
        return transfer == AVCOL_TRC_SMPTE2084 || transfer == AVCOL_TRC_ARIB_STD_B67;
    }

    /**
     * Tone-maps 16-bit RGB (still carrying the HDR transfer, full range) into a new 8-bit BGR picture.
     *
     * @param rgb48 the frame as CV_16UC3 in R, G, B order
     * @param hlg whether the transfer is HLG rather than PQ
     * @param peak the picture's brightest light in cd/m², or 0 when unknown
     */
    Mat toSdr(Mat rgb48, boolean hlg, double peak) {
        int width = rgb48.cols();
        int height = rgb48.rows();
        int values = width * height * 3;
        if (rgb.length < values) {
            rgb = new short[values];
            bgr = new byte[values];
        }
        if (!rgb48.isContinuous() || rgb48.type() != CV_16UC3) {
            throw new IllegalArgumentException("expected continuous 16-bit RGB");
        }
        new ShortPointer(rgb48.data()).get(rgb, 0, values);
        float peakLinear = (float) ((peak > 0 ? peak : DEFAULT_PEAK) / REFERENCE_WHITE);
        float hablePeak = hable(peakLinear);
        float[] toLinear = hlg ? HLG_TO_LINEAR : PQ_TO_LINEAR;
        for (int i = 0; i < values; i += 3) {
            float r = toLinear[rgb[i] & 0xFFFF];
            float g = toLinear[rgb[i + 1] & 0xFFFF];
            float b = toLinear[rgb[i + 2] & 0xFFFF];
            float r709 = PRIMARIES[0] * r + PRIMARIES[1] * g + PRIMARIES[2] * b;
            float g709 = PRIMARIES[3] * r + PRIMARIES[4] * g + PRIMARIES[5] * b;
            float b709 = PRIMARIES[6] * r + PRIMARIES[7] * g + PRIMARIES[8] * b;
            float signal = Math.max(Math.max(r709, g709), Math.max(b709, 1e-6f));
            float scale = hable(signal) / hablePeak / signal;
            bgr[i] = signal(b709 * scale);
            bgr[i + 1] = signal(g709 * scale);
            bgr[i + 2] = signal(r709 * scale);
        }
        Mat out = new Mat(height, width, CV_8UC3);
        out.data().put(bgr, 0, values);
        return out;
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
