package org.popstream.kafka.tail;

/**
 * @param records     values decoded and handed to the listener
 * @param undecodable records that were not values of the topic's type
 * @param stoppedBy   why reading stopped
 */
public record TailReport(long records, long undecodable, StopReason stoppedBy) {

    public enum StopReason { MAX_RECORDS, IDLE_TIMEOUT, STOPPED }
}
