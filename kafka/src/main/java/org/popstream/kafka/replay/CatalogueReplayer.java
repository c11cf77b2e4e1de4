package org.popstream.kafka.replay;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.popstream.kafka.PopstreamTopic;
import org.popstream.catalogue.CatalogueEntry;
import org.popstream.catalogue.CatalogueReader;
import org.popstream.catalogue.CatalogueRow;
import org.popstream.catalogue.RowError;
import org.popstream.schemas.PhotometryEvent;
import org.popstream.schemas.encoding.AvroCodec;

/**
 * Publishes a catalogue as a survey would: {@link PhotometryEvent}s keyed by galaxy id, tile by
 * tile (each tile flushed before the next), optionally paced. Rows that cannot become events are
 * not sent and come back in the {@link ReplayReport}. Used by {@code popstream replay} and by the
 * demo, in-process.
 */
public final class CatalogueReplayer {

    /** Called once per catalogue row read, sent or skipped (progress bars). */
    @FunctionalInterface
    public interface Progress {
        void rowDone(CatalogueEntry entry);
    }

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final ReplaySettings settings;
    private final Clock clock;
    private final AvroCodec<PhotometryEvent> codec = AvroCodec.of(PhotometryEvent.class);

    public CatalogueReplayer(Producer<String, byte[]> producer, String topic, ReplaySettings settings, Clock clock) {
        this.producer = producer;
        this.topic = topic;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * An idempotent producer (acks=all, no duplicates on retry) for the photometry topic; the
     * caller closes it.
     */
    public static Producer<String, byte[]> idempotentProducer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000,
                ProducerConfig.CLIENT_ID_CONFIG, "popstream-replay"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Replays to {@link PopstreamTopic#PHOTOMETRY} through a new idempotent producer. */
    public static ReplayReport replay(String bootstrapServers, CatalogueReader reader, ReplaySettings settings,
            Progress progress) throws ReplayException, InterruptedException {
        try (Producer<String, byte[]> producer = idempotentProducer(bootstrapServers)) {
            return new CatalogueReplayer(producer, PopstreamTopic.PHOTOMETRY.topicName(), settings, Clock.systemUTC())
                    .replay(reader, progress);
        }
    }

    public ReplayReport replay(CatalogueReader reader, Progress progress) throws ReplayException, InterruptedException {
        long startNanos = System.nanoTime();
        String survey = reader.layout().survey().name();
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        List<RowError> skipped = new ArrayList<>();
        long rowsRead = 0;
        long sent = 0;
        int tiles = 0;
        String currentTile = null;

        while (reader.hasNext() && (settings.limit().isEmpty() || rowsRead < settings.limit().getAsLong())) {
            CatalogueEntry entry = reader.next();
            rowsRead++;
            if (entry instanceof RowError error) {
                skipped.add(error);
                progress.rowDone(entry);
                continue;
            }
            CatalogueRow row = (CatalogueRow) entry;
            String tile = settings.tiling().tileOf(sent, row);
            if (!tile.equals(currentTile)) {
                if (currentTile != null) {
                    flushTile(currentTile, sendFailure);
                }
                currentTile = tile;
                tiles++;
            }
            pace(startNanos, sent);
            long now = clock.millis();
            PhotometryEvent event = PhotometryEventMapper.toEvent(row, survey, tile, now);
            try {
                producer.send(new ProducerRecord<>(topic, null, now, row.id(), codec.encode(event)), (metadata, exception) -> {
                    if (exception != null) {
                        sendFailure.compareAndSet(null, exception);
                    }
                });
            } catch (KafkaException e) {
                sendFailure.compareAndSet(null, e);
            }
            sent++;
            progress.rowDone(entry);
            throwIfFailed(sendFailure, row.id());
        }
        if (currentTile != null) {
            flushTile(currentTile, sendFailure);
        }
        return new ReplayReport(sent, tiles, skipped, reader.positionName(), Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private void flushTile(String tile, AtomicReference<Exception> sendFailure) throws ReplayException {
        producer.flush();
        throwIfFailed(sendFailure, "tile " + tile);
    }

    private void throwIfFailed(AtomicReference<Exception> sendFailure, String where) throws ReplayException {
        Exception failure = sendFailure.get();
        if (failure != null) {
            throw new ReplayException("Kafka did not accept the events (at " + where + ", topic " + topic + "): "
                    + failure.getMessage(), failure);
        }
    }

    /** Sleeps until the {@code sent}-th event is due at the configured rate. */
    private void pace(long startNanos, long sent) throws InterruptedException {
        if (settings.galaxiesPerSecond().isEmpty()) {
            return;
        }
        long dueNanos = startNanos + (long) (sent / settings.galaxiesPerSecond().getAsDouble() * 1e9);
        long waitNanos = dueNanos - System.nanoTime();
        if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }
}
