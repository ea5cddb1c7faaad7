package com.perfectframe.video.container;

import java.nio.ByteBuffer;

/**
 * Tells from a compressed H.264 or HEVC packet whether any later frame can depend on it.
 *
 * <p>A frame no other frame references can be left undecoded when it is not a sample, which is how sampling beats a
 * full decode on streams with B-frames. The packet may be length-prefixed (MP4, MKV) or Annex B (start codes).
 */
final class NalUnits {

    /** What a packet's VCL NAL units say about references. */
    enum Reference {
        /** At least one slice may be referenced later (or the packet has no slices we understand). */
        REFERENCED,
        /** Every slice is a non-reference picture (H.264 nal_ref_idc 0, HEVC sub-layer non-reference). */
        NON_REFERENCE
    }

    /** Result of a scan: the reference class and, for HEVC, the highest temporal id of the slices. */
    record Scan(Reference reference, int temporalId) {}

    private static final Scan REFERENCED = new Scan(Reference.REFERENCED, 0);

    private NalUnits() {}

    /**
     * Scans one packet.
     *
     * @param data packet payload
     * @param lengthSize NAL length-prefix size in bytes (1–4), or 0 for Annex B start codes
     * @param hevc true for HEVC, false for H.264
     */
    static Scan scan(ByteBuffer data, int lengthSize, boolean hevc) {
        int limit = data.limit();
        int pos = data.position();
        boolean sawSlice = false;
        boolean allNonRef = true;
        int maxTid = 0;
        while (pos < limit) {
            int start;
            int end;
            if (lengthSize > 0) {
                if (pos + lengthSize > limit) {
                    break;
                }
                long len = 0;
                for (int i = 0; i < lengthSize; i++) {
                    len = (len << 8) | (data.get(pos + i) & 0xFF);
                }
                start = pos + lengthSize;
                if (len <= 0 || start + len > limit) {
                    break;
                }
                end = (int) (start + len);
            } else {
                start = nextStartCodeEnd(data, pos, limit);
                if (start < 0) {
                    break;
                }
                int next = nextStartCode(data, start, limit);
                end = next < 0 ? limit : next;
            }
            if (start < end) {
                int b0 = data.get(start) & 0xFF;
                if (hevc) {
                    int type = (b0 >> 1) & 0x3F;
                    if (type <= 31) {
                        sawSlice = true;
                        // Even types below 16 are sub-layer non-reference pictures (TRAIL_N, TSA_N, RADL_N, ...).
                        if (type >= 16 || (type & 1) == 1) {
                            allNonRef = false;
                        }
                        if (start + 1 < end) {
                            maxTid = Math.max(maxTid, (data.get(start + 1) & 0x07) - 1);
                        }
                    }
                } else {
                    int type = b0 & 0x1F;
                    if (type >= 1 && type <= 5) {
                        sawSlice = true;
                        if (((b0 >> 5) & 0x3) != 0) {
                            allNonRef = false;
                        }
                    }
                }
            }
            pos = end;
        }
        if (!sawSlice || !allNonRef) {
            return REFERENCED;
        }
        return new Scan(Reference.NON_REFERENCE, maxTid);
    }

    /**
     * Reads the NAL length-prefix size from codec extradata: 0 when the stream uses Annex B start codes.
     */
    static int lengthSize(byte[] extradata, boolean hevc) {
        if (extradata == null || extradata.length == 0 || extradata[0] != 1) {
            return 0;
        }
        int at = hevc ? 21 : 4;
        if (extradata.length <= at) {
            return 0;
        }
        return (extradata[at] & 0x3) + 1;
    }

    private static int nextStartCodeEnd(ByteBuffer data, int from, int limit) {
        for (int i = from; i + 2 < limit; i++) {
            if (data.get(i) == 0 && data.get(i + 1) == 0 && data.get(i + 2) == 1) {
                return i + 3;
            }
        }
        return -1;
    }

    private static int nextStartCode(ByteBuffer data, int from, int limit) {
        for (int i = from; i + 2 < limit; i++) {
            if (data.get(i) == 0 && data.get(i + 1) == 0 && data.get(i + 2) == 1) {
                // A four-byte start code's leading zero belongs to it, not to the NAL before it.
                return (i > from && data.get(i - 1) == 0) ? i - 1 : i;
            }
        }
        return -1;
    }
}
