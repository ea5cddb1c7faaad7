package com.perfectframe.image.metadata;

import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryType;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfoAscii;

/** EXIF 2.31 tags that Commons Imaging does not define: the offsets from UTC of the EXIF date-times. */
final class ExifTags {

    static final TagInfoAscii OFFSET_TIME =
            new TagInfoAscii("OffsetTime", 0x9010, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);
    static final TagInfoAscii OFFSET_TIME_ORIGINAL =
            new TagInfoAscii("OffsetTimeOriginal", 0x9011, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);
    static final TagInfoAscii OFFSET_TIME_DIGITIZED =
            new TagInfoAscii("OffsetTimeDigitized", 0x9012, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);

    private ExifTags() {}
}
