package com.perfectframe.api;

import com.perfectframe.access.Excerpt;
import com.perfectframe.extract.ExtractorName;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The path named an extractor that does not exist. */
class UnknownExtractorException extends RuntimeException {

    UnknownExtractorException(String name) {
        super("No extractor named '" + Excerpt.of(name) + "'; available: "
                + Arrays.stream(ExtractorName.values()).map(ExtractorName::id).collect(Collectors.joining(", "))
                + ".");
    }
}
