package com.perfectframe.video.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class NalUnitsTests {

    private static ByteBuffer lengthPrefixed(int... nalHeaders) {
        ByteBuffer buffer = ByteBuffer.allocate(nalHeaders.length * 8);
        for (int header : nalHeaders) {
            buffer.putInt(4).put((byte) header).put((byte) 1).put((byte) 0x88).put((byte) 0x84);
        }
        return buffer.flip();
    }

    @Test
    void h264SliceWithZeroRefIdcIsNonReference() {
        // 0x01: nal_ref_idc 0, type 1 (non-IDR slice).
        assertThat(NalUnits.scan(lengthPrefixed(0x01), 4, false).reference())
                .isEqualTo(NalUnits.Reference.NON_REFERENCE);
    }

    @Test
    void h264ReferenceSliceOrIdrIsReferenced() {
        assertThat(NalUnits.scan(lengthPrefixed(0x21), 4, false).reference()).isEqualTo(NalUnits.Reference.REFERENCED);
        assertThat(NalUnits.scan(lengthPrefixed(0x65), 4, false).reference()).isEqualTo(NalUnits.Reference.REFERENCED);
    }

    @Test
    void h264PacketWithSeiAndNonReferenceSliceIsNonReference() {
        // SEI (type 6, ref_idc 0) before the slice does not make the packet a reference.
        assertThat(NalUnits.scan(lengthPrefixed(0x06, 0x01), 4, false).reference())
                .isEqualTo(NalUnits.Reference.NON_REFERENCE);
    }

    @Test
    void packetWithoutSlicesIsTreatedAsReferenced() {
        assertThat(NalUnits.scan(lengthPrefixed(0x06), 4, false).reference()).isEqualTo(NalUnits.Reference.REFERENCED);
    }

    @Test
    void readsAnnexBStartCodes() {
        ByteBuffer annexB = ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 0x06, 5, 5, 0, 0, 1, 0x01, (byte) 0x88, 0x10});
        assertThat(NalUnits.scan(annexB, 0, false).reference()).isEqualTo(NalUnits.Reference.NON_REFERENCE);
        ByteBuffer reference = ByteBuffer.wrap(new byte[] {0, 0, 1, 0x41, (byte) 0x9a, 0, 0, 1, 0x01, 0x10});
        assertThat(NalUnits.scan(reference, 0, false).reference()).isEqualTo(NalUnits.Reference.REFERENCED);
    }

    @Test
    void hevcTrailNIsNonReferenceWithItsTemporalId() {
        // HEVC header: type 0 (TRAIL_N) -> first byte 0x00, second byte temporal_id_plus1 = 2.
        ByteBuffer buffer = ByteBuffer.allocate(8)
                .putInt(4)
                .put((byte) 0x00)
                .put((byte) 0x02)
                .put((byte) 0xaf)
                .put((byte) 0x00)
                .flip();
        NalUnits.Scan scan = NalUnits.scan(buffer, 4, true);
        assertThat(scan.reference()).isEqualTo(NalUnits.Reference.NON_REFERENCE);
        assertThat(scan.temporalId()).isEqualTo(1);
        // Type 1 (TRAIL_R) is a reference.
        ByteBuffer trailR = ByteBuffer.allocate(8)
                .putInt(4)
                .put((byte) 0x02)
                .put((byte) 0x01)
                .put((byte) 0xaf)
                .put((byte) 0x00)
                .flip();
        assertThat(NalUnits.scan(trailR, 4, true).reference()).isEqualTo(NalUnits.Reference.REFERENCED);
    }

    @Test
    void readsLengthSizeFromExtradata() {
        byte[] avcc = {1, 0x64, 0, 0x1f, (byte) 0xff, (byte) 0xe1};
        assertThat(NalUnits.lengthSize(avcc, false)).isEqualTo(4);
        assertThat(NalUnits.lengthSize(new byte[] {0, 0, 0, 1, 0x67}, false)).isZero();
        assertThat(NalUnits.lengthSize(new byte[0], false)).isZero();
    }
}
