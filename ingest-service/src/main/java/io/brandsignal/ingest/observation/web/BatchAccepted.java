package io.brandsignal.ingest.observation.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to an accepted batch: Kafka has acknowledged every observation of it.
 *
 * @param accepted how many observations were published
 */
@Schema(description = "The batch was published and acknowledged by Kafka")
record BatchAccepted(@Schema(example = "2") int accepted) {
}
