package org.popstream.job.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.externalresource.ExternalResourceInfo;
import org.junit.jupiter.api.Test;

class GpuAssignmentTest {

    /** What Flink's GPU driver reports per device: an {@code index} property. */
    private record Device(Map<String, String> properties) implements ExternalResourceInfo {
        static Device index(String index) {
            return new Device(Map.of("index", index));
        }

        @Override
        public Optional<String> getProperty(String key) {
            return Optional.ofNullable(properties.get(key));
        }

        @Override
        public Collection<String> getKeys() {
            return properties.keySet();
        }
    }

    @Test
    void noAssignedGpuMeansCpu() {
        assertEquals(FitterPlacement.cpu(), GpuAssignment.placement(Set.of()));
    }

    @Test
    void assignedGpuIndexIsUsed() {
        assertEquals(FitterPlacement.gpu(3), GpuAssignment.placement(Set.of(Device.index("3"))));
    }

    @Test
    void severalGpusBindTheLowestIndex() {
        assertEquals(FitterPlacement.gpu(1), GpuAssignment.placement(Set.of(Device.index("2"), Device.index("1"))));
    }

    @Test
    void deviceWithoutAnIndexFallsBackToCpu() {
        assertEquals(FitterPlacement.cpu(), GpuAssignment.placement(Set.of(new Device(Map.of("uuid", "GPU-1")))));
        assertEquals(FitterPlacement.cpu(), GpuAssignment.placement(Set.of(Device.index("n/a"))));
    }
}
