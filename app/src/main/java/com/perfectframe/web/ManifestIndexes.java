package com.perfectframe.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * The indexes of the manifests the gallery shows, kept for the next request: a picture, a thumbnail or the next page
 * costs a look at the manifest's size and time, not a new reading. At most {@value #KEPT} manifests are kept (the
 * least recently used goes), so memory stays bounded whatever clients ask; a manifest that changed is indexed again,
 * once, however many requests ask for it at the same time, and at most {@value #BUILDING} manifests are read at once.
 */
@Component
class ManifestIndexes {

    static final int KEPT = 4;

    /** Indexes built at the same time, for different manifests: each holds up to about 50 MB while it is built. */
    static final int BUILDING = 2;

    private final Map<Path, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Semaphore building = new Semaphore(BUILDING, true);

    /** One manifest's index, built by the first request that needs it while the others wait for it. */
    private final class Entry {
        private ManifestIndex index;

        synchronized ManifestIndex current(Path manifest, ManifestIndex.Version version) throws IOException {
            if (index == null || !index.version().equals(version)) {
                index = null; // the old one is not kept while the new one is built
                building.acquireUninterruptibly();
                try {
                    index = ManifestIndex.build(manifest, version);
                } finally {
                    building.release();
                }
            }
            return index;
        }
    }

    /** The index of this manifest (a regular file: the caller checked it is not a link) as it is now. */
    ManifestIndex of(Path manifest) throws IOException {
        BasicFileAttributes attributes =
                Files.readAttributes(manifest, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Entry entry;
        synchronized (entries) {
            entry = entries.computeIfAbsent(manifest, m -> new Entry());
            while (entries.size() > KEPT) {
                entries.remove(entries.keySet().iterator().next());
            }
        }
        return entry.current(manifest, ManifestIndex.Version.of(attributes));
    }
}
