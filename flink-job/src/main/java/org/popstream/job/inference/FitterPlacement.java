package org.popstream.job.inference;

import java.util.OptionalInt;

/**
 * Where a subtask's fitter runs: on the GPU Flink's external-resource framework assigned to the
 * subtask, or on the CPU when none was assigned.
 */
public record FitterPlacement(OptionalInt gpuIndex) {

    public static FitterPlacement cpu() {
        return new FitterPlacement(OptionalInt.empty());
    }

    public static FitterPlacement gpu(int index) {
        return new FitterPlacement(OptionalInt.of(index));
    }

    public boolean onGpu() {
        return gpuIndex.isPresent();
    }

    @Override
    public String toString() {
        return gpuIndex.isPresent() ? "GPU " + gpuIndex.getAsInt() : "CPU";
    }
}
