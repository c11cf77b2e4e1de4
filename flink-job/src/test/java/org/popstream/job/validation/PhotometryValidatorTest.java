package org.popstream.job.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.popstream.job.testing.PhotometryEvents.band;
import static org.popstream.job.testing.PhotometryEvents.limit;
import static org.popstream.job.testing.PhotometryEvents.valid;
import static org.popstream.job.testing.PhotometryEvents.withBand;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.popstream.job.source.IncomingPhotometry;
import org.popstream.job.source.PhotometryDecoding;
import org.popstream.job.testing.PhotometryEvents;
import org.popstream.schemas.BandMeasurement;
import org.popstream.schemas.PhotometryEvent;
import org.popstream.schemas.RejectReason;
import org.popstream.schemas.RejectedEvent;
import org.popstream.schemas.encoding.AvroCodec;

/** Each bad input ends on the rejected side output with its reason; none throws. */
// every wait bounded: operator harnesses: bounded like every Flink test
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PhotometryValidatorTest {

    private static final int MAX_BYTES = 2048;
    private static final long NOW = 5_000L;

    private OneInputStreamOperatorTestHarness<IncomingPhotometry, ValidGalaxy> harness;
    private final PhotometryDecoding decoding = new PhotometryDecoding(MAX_BYTES);
    private long nextOffset;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(
                new PhotometryValidator(new PhotometryRules(SurveyBands.builtIn(), 3)));
        harness.setProcessingTime(NOW);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private IncomingPhotometry send(byte[] bytes) throws Exception {
        IncomingPhotometry in = decoding.decode("popstream.photometry.v1", 1, nextOffset++, bytes);
        harness.processElement(in, 0L);
        return in;
    }

    private IncomingPhotometry send(PhotometryEvent event) throws Exception {
        return send(PhotometryEvents.encode(event));
    }

    private List<RejectedEvent> rejected() {
        var queue = harness.getSideOutput(PhotometryValidator.REJECTED);
        return queue == null ? List.of() : queue.stream().map(StreamRecord::getValue).toList();
    }

    /** Exactly one dead letter with this reason, carrying the source position and original bytes. */
    private RejectedEvent assertSingleRejection(IncomingPhotometry in, RejectReason reason) {
        assertTrue(harness.extractOutputValues().isEmpty(), "nothing may reach the fitter");
        List<RejectedEvent> rejected = rejected();
        assertEquals(1, rejected.size());
        RejectedEvent r = rejected.get(0);
        assertEquals(reason, r.getReason(), r.getMessage());
        assertEquals(in.partition(), r.getPartition());
        assertEquals(in.offset(), r.getOffset());
        assertEquals("popstream.photometry.v1", r.getSourceTopic());
        assertEquals(NOW, r.getRejectedAtMillis());
        ByteBuffer bytes = r.getOriginalBytes().duplicate();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        assertArrayEquals(in.originalBytes(), copy);
        return r;
    }

    @Test
    void validEventBecomesAGalaxyInNanomaggies() throws Exception {
        PhotometryEvent event = valid("g-1").setSpecZ(0.7).build();
        send(event);

        List<ValidGalaxy> out = harness.extractOutputValues();
        assertEquals(1, out.size());
        ValidGalaxy galaxy = out.get(0);
        assertEquals("g-1", galaxy.galaxyId());
        assertEquals(0.7, galaxy.specZ());
        assertEquals(event.getEmittedAtMillis(), galaxy.emittedAtMillis());
        assertEquals(event.getBands().get(3).getFlux() / 3.631, galaxy.bands().get(3).flux(), 1e-12);
        assertEquals(event.getAttributes(), galaxy.attributes());
        assertTrue(rejected().isEmpty());
    }

    @Test
    void bytesThatAreNotAvro() throws Exception {
        RejectedEvent r = assertSingleRejection(send("not avro at all".getBytes(StandardCharsets.UTF_8)),
                RejectReason.NOT_AVRO);
        assertNull(r.getGalaxyId());
    }

    @Test
    void unknownSchemaFingerprint() throws Exception {
        byte[] bytes = AvroCodec.of(RejectedEvent.class).encode(RejectedEvent.newBuilder()
                .setReason(RejectReason.NOT_AVRO).setMessage("m").setSourceTopic("t").setPartition(0).setOffset(0)
                .setOriginalBytes(ByteBuffer.allocate(0)).setRejectedAtMillis(0).build());
        assertSingleRejection(send(bytes), RejectReason.UNKNOWN_SCHEMA);
    }

    @Test
    void recordLargerThanTheMaximum() throws Exception {
        PhotometryEvent event = valid("big").setAttributes(java.util.Map.of("padding", "x".repeat(MAX_BYTES))).build();
        IncomingPhotometry in = send(event);
        assertEquals(MAX_BYTES, in.originalBytes().length);
        assertSingleRejection(in, RejectReason.RECORD_TOO_LARGE);
    }

    @Test
    void missingGalaxyId() throws Exception {
        assertSingleRejection(send(valid("").build()), RejectReason.MISSING_GALAXY_ID);
    }

    @Test
    void emptyBandList() throws Exception {
        RejectedEvent r = assertSingleRejection(send(valid("g-e").setBands(List.of()).build()), RejectReason.EMPTY_BAND_LIST);
        assertEquals("g-e", r.getGalaxyId());
    }

    @Test
    void duplicateBand() throws Exception {
        PhotometryEvent event = valid("g-d").build();
        List<BandMeasurement> bands = new ArrayList<>(event.getBands());
        bands.add(bands.get(1));
        event.setBands(bands);
        assertSingleRejection(send(event), RejectReason.DUPLICATE_BAND);
    }

    @Test
    void unknownBandForTheSurvey() throws Exception {
        assertSingleRejection(send(withBand("g-u", 0, band("lsst_u", 1.0, 0.1))), RejectReason.UNKNOWN_BAND);
    }

    @Test
    void nanFlux() throws Exception {
        assertSingleRejection(send(withBand("g", 0, band("u_megaprime_sagem", Double.NaN, 0.1))),
                RejectReason.NON_FINITE_FLUX);
    }

    @Test
    void infiniteFlux() throws Exception {
        assertSingleRejection(send(withBand("g", 0, band("u_megaprime_sagem", Double.POSITIVE_INFINITY, 0.1))),
                RejectReason.NON_FINITE_FLUX);
    }

    @Test
    void zeroError() throws Exception {
        assertSingleRejection(send(withBand("g", 0, band("u_megaprime_sagem", 1.0, 0.0))), RejectReason.INVALID_ERROR);
    }

    @Test
    void negativeError() throws Exception {
        assertSingleRejection(send(withBand("g", 0, band("u_megaprime_sagem", 1.0, -1.0))), RejectReason.INVALID_ERROR);
    }

    @Test
    void nanError() throws Exception {
        assertSingleRejection(send(withBand("g", 0, band("u_megaprime_sagem", 1.0, Double.NaN))),
                RejectReason.INVALID_ERROR);
    }

    @Test
    void negativeUpperLimit() throws Exception {
        assertSingleRejection(send(withBand("g", 0, limit("u_megaprime_sagem", -0.5, 0.1))),
                RejectReason.INVALID_UPPER_LIMIT);
    }

    @Test
    void nanUpperLimit() throws Exception {
        assertSingleRejection(send(withBand("g", 0, limit("u_megaprime_sagem", Double.NaN, 0.1))),
                RejectReason.INVALID_UPPER_LIMIT);
    }

    @Test
    void fewerUsableBandsThanTheMinimum() throws Exception {
        PhotometryEvent event = valid("g").build();
        event.setBands(new ArrayList<>(event.getBands().subList(0, 2)));
        assertSingleRejection(send(event), RejectReason.TOO_FEW_BANDS);
    }

    @Test
    void absurdMagnitude() throws Exception {
        assertSingleRejection(send(withBand("g", 0, band("u_megaprime_sagem", 1e-25, 0.1))),
                RejectReason.ABSURD_MAGNITUDE);
    }

    @Test
    void goodAndBadEventsInterleavedAreEachAccountedFor() throws Exception {
        send(valid("a").build());
        send("garbage".getBytes(StandardCharsets.UTF_8));
        send(valid("b").build());
        send(valid("").build());

        assertEquals(List.of("a", "b"), harness.extractOutputValues().stream().map(ValidGalaxy::galaxyId).toList());
        assertEquals(List.of(RejectReason.NOT_AVRO, RejectReason.MISSING_GALAXY_ID),
                rejected().stream().map(RejectedEvent::getReason).toList());
    }
}
