package com.perfectframe.spark;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.output.ManifestReader;
import com.perfectframe.extract.output.ManifestRow;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * A task's local folders: {@code in} with the task's inputs (linked when they are local files, copied otherwise) and
 * {@code out} where the core writes, deleted when the task ends. The core renames a processed video in {@code in}:
 * that renames the link or the copy, never the archive's file (inputs on a cluster are often read-only).
 */
final class ScratchFolder implements AutoCloseable {

    private final Path root;
    private final Path in;
    private final Path out;

    private ScratchFolder(Path root) throws IOException {
        this.root = root;
        this.in = Files.createDirectory(root.resolve("in"));
        this.out = root.resolve("out");
    }

    static ScratchFolder create() {
        try {
            return new ScratchFolder(Files.createTempDirectory("perfectframe-task-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder: " + e.getMessage(), e);
        }
    }

    Path in() {
        return in;
    }

    Path out() {
        return out;
    }

    /** Makes an input available in {@code in} under its own name. */
    Path localize(InputFile input, Configuration hadoop) throws IOException {
        Path local = in.resolve(input.name());
        org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(input.uri());
        FileSystem fs = source.getFileSystem(hadoop);
        if ("file".equals(fs.getScheme())) {
            Files.createSymbolicLink(local, Path.of(source.toUri()));
        } else {
            fs.copyToLocalFile(false, source, new org.apache.hadoop.fs.Path(local.toUri()), true);
            Files.setLastModifiedTime(local, FileTime.fromMillis(input.modified()));
        }
        return local;
    }

    /**
     * Runs the job's extractor on {@code in} into {@code out}, as the command line would, with the executor's shared
     * model.
     *
     * @throws ExtractionException when the job cannot run at all
     */
    ExtractionSummary run(JobCommand command) throws ExtractionException, InterruptedException {
        ExtractionRequest request = command.request(in, out);
        try {
            return ExecutorExtractors.factory(command.settings(), command.model())
                    .forRequest(command.extractor(), request)
                    .run(request, new ExtractionProgress(), new Cancellation());
        } catch (RuntimeException | LinkageError e) {
            Throwable said = ClassPathClash.recognise(e);
            if (said instanceof ClassPathClash clash) {
                throw clash;
            }
            throw e;
        }
    }

    /** The pictures the run wrote, by file name, as its manifest lists them. */
    Map<String, ManifestRow> written() throws IOException {
        Path manifest = out.resolve(Manifest.FILE_NAME);
        return Files.exists(manifest) ? ManifestReader.read(manifest) : Map.of();
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // Best effort: the system's temporary folder is cleaned by the system too.
        }
    }
}
