-- Each brand's campaigns as last defined (brandsignal.campaigns.v1): what the brand page marks on its charts
-- and the form edits. A tombstone on the topic deletes the row.
CREATE TABLE campaign (
    brand      VARCHAR(64)  NOT NULL,
    id         VARCHAR(64)  NOT NULL,
    name       TEXT         NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    start_date DATE         NOT NULL,
    end_date   DATE         NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    document   JSONB        NOT NULL,
    PRIMARY KEY (brand, id)
);

-- Each campaign's latest measured lift (brandsignal.campaign-results.v1): the whole result as received, which
-- the API serves and the campaign page shows, plus the columns the portfolio filters and sorts on. The audience
-- and outcome lift are those of the side's metric with the strongest evidence (CampaignStore), relative totals
-- in percent with their 95 % interval.
CREATE TABLE campaign_result (
    brand                 VARCHAR(64)      NOT NULL,
    id                    VARCHAR(64)      NOT NULL,
    name                  TEXT             NOT NULL,
    kind                  VARCHAR(32)      NOT NULL,
    start_date            DATE             NOT NULL,
    end_date              DATE             NOT NULL,
    as_of                 DATE,
    verdict               VARCHAR(32)      NOT NULL,
    audience_metric       VARCHAR(64),
    audience_lift_percent DOUBLE PRECISION,
    audience_lift_low     DOUBLE PRECISION,
    audience_lift_high    DOUBLE PRECISION,
    outcome_metric        VARCHAR(64),
    outcome_lift_percent  DOUBLE PRECISION,
    outcome_lift_low      DOUBLE PRECISION,
    outcome_lift_high     DOUBLE PRECISION,
    spend                 NUMERIC(18, 3),
    currency              CHAR(3),
    scored_at             TIMESTAMPTZ      NOT NULL,
    document              JSONB            NOT NULL,
    PRIMARY KEY (brand, id)
);

CREATE INDEX campaign_result_start_idx ON campaign_result (start_date DESC, brand, id);
CREATE INDEX campaign_result_verdict_idx ON campaign_result (verdict);
CREATE INDEX campaign_result_kind_idx ON campaign_result (kind);
