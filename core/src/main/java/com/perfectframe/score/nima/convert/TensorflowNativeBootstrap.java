package com.perfectframe.score.nima.convert;

import ai.djl.engine.Engine;
import com.perfectframe.platform.NativeEnvironment;
import com.perfectframe.score.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes DJL load TensorFlow's native library from the jar we ship, never from the network.
 *
 * <p>{@code tensorflow-native-cpu-2.10.1} is a CUDA-capable build labelled {@code cu113}, so DJL's platform check
 * ignores it on a machine without CUDA and would try to download another one. We extract its {@code native/lib}
 * files once into a cache folder (a temporary folder moved into place, so a crash never leaves half a library),
 * and point DJL at it with {@code TENSORFLOW_LIBRARY_PATH} before its TensorFlow engine loads.
 */
public final class TensorflowNativeBootstrap {

    private static final Logger log = LoggerFactory.getLogger(TensorflowNativeBootstrap.class);
    private static final String RESOURCE_DIR = "native/lib/";
    private static final String PROPERTY = "TENSORFLOW_LIBRARY_PATH";
    private static final String COMPLETE_MARKER = ".complete";
    static final String LOG_LEVEL_VARIABLE = "TF_CPP_MIN_LOG_LEVEL";

    private TensorflowNativeBootstrap() {}

    /** {@code ~/.cache/perfectframe}: where the library is extracted unless told otherwise. */
    public static Path defaultCacheRoot() {
        return Path.of(System.getProperty("user.home"), ".cache", "perfectframe");
    }

    /**
     * Extracts the library if needed, points DJL at it, forbids DJL downloads, and loads the TensorFlow engine.
     * Idempotent; the first library loaded wins for the life of the JVM.
     *
     * @return the loaded engine
     */
    public static synchronized Engine load(Path cacheRoot) {
        if (System.getenv(PROPERTY) == null && System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, extract(cacheRoot).toString());
        }
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // TensorFlow's own log (its search for CUDA libraries, cuInit, cuBLAS registration, oneDNN notices: ten
        // lines on every start on a machine without a GPU, some of them marked errors though harmless) is silent, but
        // for fatal errors, unless ours is verbose (-v): then warnings and errors. A failure that matters reaches us
        // as an exception anyway. TensorFlow reads the level from the environment at its first message; a level the
        // user set is kept.
        NativeEnvironment.setDefault(LOG_LEVEL_VARIABLE, log.isDebugEnabled() ? "1" : "3");
        try {
            Engine engine = Engine.getEngine("TensorFlow");
            log.debug("TensorFlow {} loaded from {}", engine.getVersion(), System.getProperty(PROPERTY));
            return engine;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new ModelException(
                    "TensorFlow's native library could not be loaded from "
                            + System.getProperty(PROPERTY) + " (" + e.getMessage()
                            + "); delete that folder to extract it again.",
                    e);
        }
    }

    /**
     * Extracts the native files into {@code cacheRoot/tensorflow-VERSION} unless a complete copy is there.
     *
     * @return the folder holding {@code libjnitensorflow.so} and its companions
     */
    public static Path extract(Path cacheRoot) {
        Properties props = bundledProperties();
        String version = props.getProperty("version", "unknown").replaceAll("-\\d+$", "");
        Path target = cacheRoot.resolve("tensorflow-" + version);
        if (Files.exists(target.resolve(COMPLETE_MARKER))) {
            return target;
        }
        List<String> libraries = List.of(props.getProperty("libraries", "").split(","));
        Path tmp = null;
        try {
            Files.createDirectories(cacheRoot);
            tmp = Files.createTempDirectory(cacheRoot, ".tensorflow-tmp");
            log.info("Extracting TensorFlow {} native library to {} (once)", version, target);
            for (String library : libraries) {
                try (InputStream in = resource(library.trim())) {
                    Files.copy(in, tmp.resolve(library.trim()));
                }
            }
            Files.createFile(tmp.resolve(COMPLETE_MARKER));
            moveIntoPlace(tmp, target);
            return target;
        } catch (IOException e) {
            throw new ModelException(
                    "Could not extract TensorFlow's native library into " + cacheRoot + " (" + e.getMessage()
                            + "); check that the folder is writable and has 1 GB free.",
                    e);
        } finally {
            Folders.deleteRecursively(tmp);
        }
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        if (Files.exists(target) && !Files.exists(target.resolve(COMPLETE_MARKER))) {
            Folders.deleteRecursively(target); // an incomplete copy from an older run
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            log.debug("Another process extracted {} first", target);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target);
        }
    }

    private static Properties bundledProperties() {
        Properties props = new Properties();
        try (InputStream in = resource("tensorflow.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    private static InputStream resource(String name) {
        InputStream in = TensorflowNativeBootstrap.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) {
            throw new ModelException("TensorFlow's native library " + name
                    + " is not on the classpath; the jar must include ai.djl.tensorflow:tensorflow-native-cpu.");
        }
        return in;
    }
}
