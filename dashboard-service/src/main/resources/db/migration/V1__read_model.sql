-- The latest scorecard per brand: the fields the dashboard filters and sorts on, plus the whole
-- scorecard as received, which the API serves.
CREATE TABLE scorecard (
    brand                  VARCHAR(64)      PRIMARY KEY,
    as_of                  DATE             NOT NULL,
    window_days            INTEGER          NOT NULL,
    verdict                VARCHAR(32)      NOT NULL,
    vanity_growth_percent  DOUBLE PRECISION,
    outcome_growth_percent DOUBLE PRECISION,
    vanity_index           DOUBLE PRECISION NOT NULL,
    impact_score           DOUBLE PRECISION NOT NULL,
    scored_at              TIMESTAMPTZ      NOT NULL,
    document               JSONB            NOT NULL,
    updated_at             TIMESTAMPTZ      NOT NULL DEFAULT now()
);

CREATE INDEX scorecard_verdict_idx ON scorecard (verdict);

-- One brand's value of one metric on one day, summed over channels (from the daily rollups).
CREATE TABLE daily_metric_value (
    brand  VARCHAR(64)      NOT NULL,
    day    DATE             NOT NULL,
    metric VARCHAR(64)      NOT NULL,
    value  DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (brand, day, metric)
);
