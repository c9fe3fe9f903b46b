-- The relay is woken in-process now (OutboxRelay#wakeUp): a NOTIFY per commit serialised the
-- commits of every transaction that wrote an event.
DROP TRIGGER IF EXISTS outbox_event_inserted ON outbox_event;
DROP FUNCTION IF EXISTS outbox_event_notify();
