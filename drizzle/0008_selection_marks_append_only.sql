-- The selection's score events are append-only, like the competition's: a change is a new event.
CREATE OR REPLACE FUNCTION selection_mark_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'selection_mark_events is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER selection_mark_events_append_only BEFORE UPDATE OR DELETE ON selection_mark_events
  FOR EACH ROW EXECUTE FUNCTION selection_mark_events_refuse_change();
