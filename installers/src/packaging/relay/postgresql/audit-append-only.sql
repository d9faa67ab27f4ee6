-- Optional: the database refuses to change or delete audit events. Run as a superuser in the relay's database after
-- the relay's first start (the table exists from then on):
--   sudo -u postgres psql -v ON_ERROR_STOP=1 -d fieldlink -f audit-append-only.sql
-- The relay only ever inserts into audit_events. With these triggers an UPDATE, DELETE or TRUNCATE fails, so an edit
-- needs a deliberate ALTER TABLE ... DISABLE TRIGGER by the table's owner; fieldlink-relay audit verify finds any
-- edit regardless, because the events are hash-chained.

CREATE FUNCTION fieldlink_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION fieldlink_audit_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION fieldlink_audit_append_only();
