-- Events written by the stock and reservation functions carry the trace of the request that caused
-- them (W3C traceparent, in the outbox row and in the CloudEvent, as shared-data's Outbox does), so the
-- consumers' spans join that request's trace. Same functions as V3, with the trace passed through.
DROP FUNCTION stock_movement(text, text, integer, integer, integer, text, integer, text, text, text, text, text, text);

-- Applies a movement: a conditional UPDATE when anything decreases (available = on hand - reserved
-- stays >= 0, no level below 0), else an upsert that may create the level. Returns the level
-- after it, or no row when the movement was refused (and then nothing was written).
CREATE FUNCTION stock_movement(p_sku text, p_location text, p_on_hand_delta integer, p_reserved_delta integer,
                               p_non_sellable_delta integer, p_type text, p_quantity integer, p_reference text,
                               p_reason text, p_actor text, p_topic text, p_event_type text, p_source text,
                               p_traceparent text)
    RETURNS TABLE (sku text, location_id text, on_hand integer, reserved integer, non_sellable integer, version bigint)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    level stock_level;
BEGIN
    IF p_on_hand_delta >= 0 AND p_reserved_delta = 0 AND p_non_sellable_delta >= 0 THEN
        INSERT INTO stock_level AS s (sku, location_id, on_hand, reserved, non_sellable, version)
        VALUES (p_sku, p_location, p_on_hand_delta, 0, p_non_sellable_delta, 1)
        ON CONFLICT ON CONSTRAINT stock_level_pkey DO UPDATE
        SET on_hand = s.on_hand + EXCLUDED.on_hand, non_sellable = s.non_sellable + EXCLUDED.non_sellable,
            version = s.version + 1, updated_at = now()
        RETURNING * INTO level;
    ELSE
        UPDATE stock_level s
        SET on_hand = s.on_hand + p_on_hand_delta, reserved = s.reserved + p_reserved_delta,
            non_sellable = s.non_sellable + p_non_sellable_delta, version = s.version + 1, updated_at = now()
        WHERE s.sku = p_sku AND s.location_id = p_location
          AND s.on_hand - s.reserved >= p_reserved_delta - p_on_hand_delta
          AND s.reserved + p_reserved_delta >= 0 AND s.non_sellable + p_non_sellable_delta >= 0
        RETURNING * INTO level;
    END IF;
    IF level.sku IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO stock_movement (sku, location_id, type, quantity, on_hand_delta, reserved_delta, non_sellable_delta,
                                version, reference, reason, actor)
    VALUES (level.sku, level.location_id, p_type, p_quantity, p_on_hand_delta, p_reserved_delta, p_non_sellable_delta,
            level.version, p_reference, p_reason, p_actor);
    -- the CloudEvent envelope of shared's CloudEvent, with the fields of StockLevelChanged (contract-tested);
    -- p_traceparent: the trace of the request that moved the stock (null outside one)
    INSERT INTO outbox_event (id, topic, message_key, type, traceparent, payload)
    SELECT e.id, p_topic, e.subject, p_event_type, p_traceparent, json_build_object(
               'specversion', '1.0', 'id', e.id, 'type', p_event_type, 'source', p_source,
               'time', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               'subject', e.subject, 'datacontenttype', 'application/json', 'traceparent', p_traceparent,
               'data', json_build_object(
                   'sku', level.sku, 'locationId', level.location_id, 'onHand', level.on_hand,
                   'reserved', level.reserved, 'available', level.on_hand - level.reserved,
                   'nonSellable', level.non_sellable, 'version', level.version, 'movementType', p_type,
                   'movementQuantity', p_quantity, 'reference', p_reference))::text
    FROM (SELECT gen_random_uuid() AS id, level.sku || '@' || level.location_id AS subject) e;
    RETURN QUERY SELECT level.sku, level.location_id, level.on_hand, level.reserved, level.non_sellable, level.version;
END;
$$;

-- A click and collect reservation, all of it in one statement, so that a hot stock row stays
-- locked only for the end of this function and its commit, never for a round trip to the service
-- (whose event loop, under load, answers late):
--   1. the Idempotency-Key is claimed (a retry gets the first answer back: outcome 'replayed');
--   2. the reservation, its lines and its reservation.confirmed outbox row are written;
--   3. then only, in SKU order (no deadlock between two reservations of the same SKUs), each line
--      holds its units through stock_movement; if any line is short, SQLSTATE OM409 names every
--      short line (JSON in DETAIL) and the whole statement, idempotency claim included, rolls back.
-- A pickup code already used by an active reservation of the store raises OM410 (draw another).
-- The lines come summed by SKU and sorted by SKU; p_response is the answer a retry gets.
-- Returns the stock versions it wrote ({"sku@location": version}) or the replayed answer.
CREATE OR REPLACE FUNCTION place_reservation(p_scope text, p_key text, p_request_hash text, p_response text,
                                  p_reservation jsonb, p_lines jsonb, p_confirmed jsonb,
                                  p_actor text, p_stock_topic text, p_stock_event_type text, p_source text,
                                  p_lock_timeout text)
    RETURNS TABLE (outcome text, body text)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    stored idempotency_record;
    line jsonb;
    level record;
    held jsonb := '{}';
    short jsonb := '[]';
    store text := p_reservation ->> 'storeId';
BEGIN
    PERFORM set_config('lock_timeout', p_lock_timeout, true);
    IF p_key IS NOT NULL THEN
        INSERT INTO idempotency_record (scope, key, request_hash, response)
        VALUES (p_scope, p_key, p_request_hash, p_response)
        ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
            SELECT * INTO stored FROM idempotency_record WHERE scope = p_scope AND key = p_key;
            IF stored.request_hash <> p_request_hash THEN
                RAISE EXCEPTION USING ERRCODE = 'OM422', MESSAGE = 'idempotency key reused';
            END IF;
            RETURN QUERY SELECT 'replayed', stored.response;
            RETURN;
        END IF;
    END IF;

    INSERT INTO reservation (id, customer_id, store_id, status, hold_type, pickup_code, expires_at, max_expires_at,
                             pickup_from, pickup_to, total, currency, channel, actor, created_at, updated_at, version)
    VALUES ((p_reservation ->> 'id')::uuid, (p_reservation ->> 'customerId')::uuid, store, 'CONFIRMED',
            p_reservation ->> 'holdType', p_reservation ->> 'pickupCode', (p_reservation ->> 'expiresAt')::timestamptz,
            (p_reservation ->> 'maxExpiresAt')::timestamptz, (p_reservation ->> 'pickupFrom')::timestamptz,
            (p_reservation ->> 'pickupTo')::timestamptz, (p_reservation ->> 'total')::numeric,
            p_reservation ->> 'currency', p_reservation ->> 'channel', p_actor,
            (p_reservation ->> 'createdAt')::timestamptz, (p_reservation ->> 'createdAt')::timestamptz, 1)
    ON CONFLICT (store_id, pickup_code) WHERE status IN ('CONFIRMED', 'READY') DO NOTHING;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'OM410', MESSAGE = 'pickup code in use';
    END IF;
    INSERT INTO reservation_line (reservation_id, sku, quantity, unit_price)
    SELECT (p_reservation ->> 'id')::uuid, l ->> 'sku', (l ->> 'quantity')::integer, (l ->> 'unitPrice')::numeric
    FROM jsonb_array_elements(p_lines) l;
    INSERT INTO outbox_event (id, topic, message_key, type, traceparent, payload)
    VALUES ((p_confirmed ->> 'id')::uuid, p_confirmed ->> 'topic', p_confirmed ->> 'key', p_confirmed ->> 'type',
            p_confirmed ->> 'traceparent', p_confirmed ->> 'payload');

    FOR line IN SELECT * FROM jsonb_array_elements(p_lines) LOOP
        SELECT * INTO level FROM stock_movement(line ->> 'sku', store, 0, (line ->> 'quantity')::integer, 0,
            'reservation', (line ->> 'quantity')::integer, p_reservation ->> 'id', NULL, p_actor, p_stock_topic,
            p_stock_event_type, p_source, p_confirmed ->> 'traceparent');
        IF level.sku IS NULL THEN
            short := short || jsonb_build_object('sku', line ->> 'sku', 'requested', (line ->> 'quantity')::integer,
                'available', coalesce((SELECT greatest(0, s.on_hand - s.reserved) FROM stock_level s
                                       WHERE s.sku = line ->> 'sku' AND s.location_id = store), 0));
        ELSE
            held := held || jsonb_build_object(level.sku || '@' || level.location_id, level.version);
        END IF;
    END LOOP;
    IF jsonb_array_length(short) > 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'OM409', MESSAGE = 'insufficient stock', DETAIL = short::text;
    END IF;
    RETURN QUERY SELECT 'placed', held::text;
END;
$$;
