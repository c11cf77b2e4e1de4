package org.popstream.schemas.encoding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Earlier versions of a record schema that readers must still decode. When a schema in
 * {@code src/main/avro} changes, copy the previous {@code .avsc} to
 * {@code src/main/resources/org/popstream/schemas/history/<RecordName>.v<N>.avsc} (N = 1, 2, …
 * without gaps); every {@link AvroCodec} then registers it as a known writer schema.
 */
public final class SchemaHistory {

    private static final String FOLDER = "/org/popstream/schemas/history/";

    private SchemaHistory() {}

    /** Older writer schemas of the record named {@code recordName}, oldest first; empty if none. */
    public static List<Schema> olderVersions(String recordName) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            String resource = FOLDER + recordName + ".v" + version + ".avsc";
            try (InputStream in = SchemaHistory.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema history " + resource, e);
            }
        }
    }
}
