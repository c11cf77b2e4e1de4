package org.popstream.inference.model;

/** Element types of the tensors stored in the published model files. */
public enum ElementType {
    FLOAT32(4),
    FLOAT64(8);

    private final int bytes;

    ElementType(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }
}
