package org.popstream.job.inference;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.externalresource.ExternalResourceInfo;
import org.apache.flink.api.common.functions.RuntimeContext;

/**
 * Reads the GPU Flink assigned to a subtask. With {@code external-resources: gpu} configured, the
 * GPU driver reports each assigned device with an {@code index} property; without it (or on a
 * local MiniCluster) there is none and inference runs on the CPU.
 */
public final class GpuAssignment {

    /** Flink's resource name in {@code external-resource.<name>.*}; {@code deploy/} configures it. */
    public static final String RESOURCE_NAME = "gpu";

    private GpuAssignment() {}

    public static FitterPlacement of(RuntimeContext context) {
        Set<ExternalResourceInfo> infos;
        try {
            infos = context.getExternalResourceInfos(RESOURCE_NAME);
        } catch (RuntimeException e) {
            // contexts without an external-resource framework (some test contexts) mean no GPU
            return FitterPlacement.cpu();
        }
        return placement(infos);
    }

    /** The lowest assigned GPU index, or CPU when no GPU (or no parsable index) was assigned. */
    static FitterPlacement placement(Set<ExternalResourceInfo> infos) {
        return infos.stream()
                .map(info -> info.getProperty("index"))
                .flatMap(Optional::stream)
                .flatMap(GpuAssignment::parse)
                .min(Comparator.naturalOrder())
                .map(FitterPlacement::gpu)
                .orElseGet(FitterPlacement::cpu);
    }

    private static java.util.stream.Stream<Integer> parse(String index) {
        try {
            return java.util.stream.Stream.of(Integer.parseInt(index.trim()));
        } catch (NumberFormatException e) {
            return java.util.stream.Stream.empty();
        }
    }
}
