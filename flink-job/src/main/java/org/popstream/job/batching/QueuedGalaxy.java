package org.popstream.job.batching;

import org.popstream.job.validation.ValidGalaxy;

/** A galaxy waiting in a micro-batch, with when it entered the batch (for queue-time metrics and timings). */
public record QueuedGalaxy(ValidGalaxy galaxy, long queuedAtMillis) {}
