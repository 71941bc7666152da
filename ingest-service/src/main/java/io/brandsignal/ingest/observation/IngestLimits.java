package io.brandsignal.ingest.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large one request may be, under {@code brandsignal.ingest.limits}.
 *
 * @param maxBatchItems the most observations (JSON items or CSV rows) one request may carry
 * @param maxBodySize the largest request body accepted
 */
@ConfigurationProperties("brandsignal.ingest.limits")
public record IngestLimits(@DefaultValue("5000") int maxBatchItems, @DefaultValue("4MB") DataSize maxBodySize) {
}
