-- The W3C traceparent of the request that wrote the event: the relay sends the event as part of that
-- request's trace (null when tracing was off or the write was not part of a trace).
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS traceparent text;
