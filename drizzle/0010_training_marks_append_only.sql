-- The business-plan mark events are append-only, like the other score logs: a change is a new event.
CREATE OR REPLACE FUNCTION training_mark_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'training_mark_events is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER training_mark_events_append_only BEFORE UPDATE OR DELETE ON training_mark_events
  FOR EACH ROW EXECUTE FUNCTION training_mark_events_refuse_change();
