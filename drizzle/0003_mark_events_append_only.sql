-- Score events are append-only, like the audit log: a change to a score is a new event.
CREATE OR REPLACE FUNCTION mark_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'mark_events is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER mark_events_append_only BEFORE UPDATE OR DELETE ON mark_events
  FOR EACH ROW EXECUTE FUNCTION mark_events_refuse_change();
