-- messaging-service: templates, the recipients read model, notifications and their delivery,
-- conversations across channels, back-in-stock alerts, campaigns and channel analytics.

-- One message with a variant per channel and language (the definition is the API body, as JSON).
CREATE TABLE template (
    key              TEXT PRIMARY KEY,
    critical         BOOLEAN     NOT NULL,
    default_language TEXT        NOT NULL,
    definition       TEXT        NOT NULL,
    version          BIGINT      NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

-- The newest CustomerSnapshot of each customer (read model of customer.events); an erased
-- customer keeps a tombstone without personal data so that older snapshots stay dropped.
CREATE TABLE recipient (
    customer_id       TEXT PRIMARY KEY,
    display_name      TEXT,
    preferred_channel TEXT,
    language          TEXT,
    time_zone         TEXT,
    quiet_start       TEXT,
    quiet_end         TEXT,
    consent_email     BOOLEAN     NOT NULL DEFAULT false,
    consent_sms       BOOLEAN     NOT NULL DEFAULT false,
    consent_push      BOOLEAN     NOT NULL DEFAULT false,
    consent_whatsapp  BOOLEAN     NOT NULL DEFAULT false,
    addresses         TEXT        NOT NULL DEFAULT '{}',
    version           BIGINT      NOT NULL,
    erased            BOOLEAN     NOT NULL DEFAULT false,
    updated_at        TIMESTAMPTZ NOT NULL
);

-- Every address of a recipient, to identify inbound senders (the recipient row holds them in order
-- for sending). kind: email, phone (sms and whatsapp), device (push token), social (provider:handle)
CREATE TABLE recipient_address (
    customer_id TEXT NOT NULL REFERENCES recipient ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    value       TEXT NOT NULL,
    position    INT  NOT NULL,
    PRIMARY KEY (customer_id, kind, value)
);
CREATE INDEX recipient_address_by_value ON recipient_address (kind, value);

CREATE TABLE recipient_segment (
    customer_id TEXT NOT NULL REFERENCES recipient ON DELETE CASCADE,
    segment     TEXT NOT NULL,
    PRIMARY KEY (customer_id, segment)
);
CREATE INDEX recipient_segment_by_segment ON recipient_segment (segment);

-- A merged-away customer id and the survivor it now means (events may still name the duplicate).
CREATE TABLE customer_alias (
    merged_id   TEXT PRIMARY KEY,
    survivor_id TEXT NOT NULL,
    merge_id    TEXT
);

-- One message to one customer, sent by the dispatcher when due (status queued -> sending -> sent ...).
CREATE TABLE notification (
    id                  UUID PRIMARY KEY,
    customer_id         TEXT        NOT NULL,
    template_key        TEXT        NOT NULL,
    trigger_id          TEXT        NOT NULL,
    data                TEXT        NOT NULL,
    critical            BOOLEAN     NOT NULL,
    status              TEXT        NOT NULL,
    channel             TEXT,
    failed_channels     TEXT        NOT NULL DEFAULT '',
    not_before          TIMESTAMPTZ NOT NULL,
    lease_until         TIMESTAMPTZ,
    attempts            INT         NOT NULL DEFAULT 0,
    total_attempts      INT         NOT NULL DEFAULT 0,
    last_error          TEXT,
    address             TEXT,
    language            TEXT,
    title               TEXT,
    body                TEXT,
    link                TEXT,
    provider_message_id TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    sent_at             TIMESTAMPTZ,
    read_at             TIMESTAMPTZ,
    CONSTRAINT notification_once_per_trigger UNIQUE (trigger_id, customer_id)
);
CREATE INDEX notification_due ON notification (not_before) WHERE status IN ('queued', 'sending');
CREATE INDEX notification_inbox ON notification (customer_id, sent_at) WHERE channel = 'in-app';
CREATE UNIQUE INDEX notification_by_provider_id ON notification (channel, provider_message_id)
    WHERE provider_message_id IS NOT NULL;

-- Each delivery step of a notification on a channel, once: what analytics count.
CREATE TABLE message_status (
    notification_id UUID        NOT NULL REFERENCES notification ON DELETE CASCADE,
    customer_id     TEXT        NOT NULL,
    template_key    TEXT        NOT NULL,
    channel         TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    at              TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (notification_id, channel, status)
);
CREATE INDEX message_status_by_time ON message_status (at);
CREATE INDEX message_status_sent_by_customer ON message_status (customer_id, at) WHERE status = 'sent';

-- Notifications no channel could deliver.
CREATE TABLE dead_letter (
    notification_id UUID PRIMARY KEY REFERENCES notification ON DELETE CASCADE,
    customer_id     TEXT        NOT NULL,
    template_key    TEXT        NOT NULL,
    tried_channels  TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

-- Unguessable tokens of open pixels and click redirects.
CREATE TABLE tracked_link (
    token           TEXT PRIMARY KEY,
    notification_id UUID NOT NULL REFERENCES notification ON DELETE CASCADE,
    channel         TEXT NOT NULL,
    kind            TEXT NOT NULL,
    target          TEXT
);

-- One thread per customer and topic, whatever the channel. A sender we cannot identify yet gets a
-- provisional thread keyed by their address, attached to the customer when they are revealed.
CREATE TABLE conversation (
    id                  UUID PRIMARY KEY,
    customer_id         TEXT,
    provisional_address TEXT,
    topic               TEXT        NOT NULL,
    subject             TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    last_message_at     TIMESTAMPTZ NOT NULL,
    customer_read_at    TIMESTAMPTZ,
    CONSTRAINT conversation_has_an_owner CHECK (customer_id IS NOT NULL OR provisional_address IS NOT NULL)
);
CREATE UNIQUE INDEX conversation_per_customer_topic ON conversation (customer_id, topic) WHERE customer_id IS NOT NULL;
CREATE UNIQUE INDEX conversation_per_address_topic ON conversation (provisional_address, topic) WHERE customer_id IS NULL;

CREATE TABLE conversation_message (
    id                  UUID PRIMARY KEY,
    conversation_id     UUID        NOT NULL REFERENCES conversation ON DELETE CASCADE,
    channel             TEXT        NOT NULL,
    author              TEXT        NOT NULL,
    author_ref          TEXT,
    text                TEXT        NOT NULL,
    sent_at             TIMESTAMPTZ NOT NULL,
    provider_message_id TEXT,
    CONSTRAINT conversation_message_once_per_provider_id UNIQUE (channel, provider_message_id)
);
CREATE INDEX conversation_message_by_thread ON conversation_message (conversation_id, sent_at);

-- "Tell me when it is back at this store": fires once.
CREATE TABLE alert (
    id          UUID PRIMARY KEY,
    customer_id TEXT        NOT NULL,
    sku         TEXT        NOT NULL,
    store_id    TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    fired_at    TIMESTAMPTZ
);
CREATE UNIQUE INDEX alert_active_once ON alert (customer_id, sku, store_id) WHERE status = 'active';
CREATE INDEX alert_active_by_stock ON alert (sku, store_id) WHERE status = 'active';

-- Latest available level per SKU and location seen on inventory.stock (older versions dropped).
CREATE TABLE stock_level (
    sku         TEXT   NOT NULL,
    location_id TEXT   NOT NULL,
    available   INT    NOT NULL,
    version     BIGINT NOT NULL,
    PRIMARY KEY (sku, location_id)
);

CREATE TABLE campaign (
    id           UUID PRIMARY KEY,
    segment      TEXT        NOT NULL,
    template_key TEXT        NOT NULL,
    promotion_id TEXT,
    data         TEXT        NOT NULL,
    recipients   INT         NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);

-- Reservations and orders, attributed at query time to the last message sent before them.
CREATE TABLE conversion (
    kind        TEXT        NOT NULL,
    ref         TEXT        NOT NULL,
    customer_id TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kind, ref)
);
CREATE INDEX conversion_by_time ON conversion (at);
