package org.popstream.job.deploy;

import org.tensorflow.TensorFlow;

/**
 * Unpacks TensorFlow's native library into JavaCPP's cache directory and exits. The container image
 * runs it once at build time (with {@code -Dorg.bytedeco.javacpp.cachedir=...}) so that no pod start
 * has to unpack the ~680 MB library again; the TaskManagers then find it in the image.
 */
public final class NativeLibraryCache {

    private NativeLibraryCache() {}

    public static void main(String[] args) {
        System.out.println("TensorFlow " + TensorFlow.version() + " native library cached in "
                + System.getProperty("org.bytedeco.javacpp.cachedir", "~/.javacpp/cache"));
    }
}
