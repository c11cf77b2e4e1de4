package org.popstream.kafka.tail;

/** Receives what a {@link ResultTailer} reads, in partition order per partition. */
public interface TailListener<T> {

    void record(String key, T value, int partition, long offset);

    /** A record that is not a decodable value of the topic's type; it is counted, never dropped silently. */
    void undecodable(String key, int partition, long offset, String reason);
}
