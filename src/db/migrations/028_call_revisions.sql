-- A call's revision changes with everything a list shows of it: its row, its
-- items, and its location's name and address. A server keeps each call's
-- written form by revision (src/api/calls.c), so these triggers, not the
-- code paths that write, make sure that no write leaves that form stale.
ALTER TABLE calls ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;

-- on sqlite:
CREATE TRIGGER call_revised AFTER UPDATE ON calls WHEN NEW.revision = OLD.revision
BEGIN
	UPDATE calls SET revision = OLD.revision + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER call_item_added AFTER INSERT ON call_items
BEGIN
	UPDATE calls SET revision = revision + 1 WHERE id = NEW.call_id;
END;
CREATE TRIGGER call_item_removed AFTER DELETE ON call_items
BEGIN
	UPDATE calls SET revision = revision + 1 WHERE id = OLD.call_id;
END;
CREATE TRIGGER call_item_changed AFTER UPDATE ON call_items
BEGIN
	UPDATE calls SET revision = revision + 1 WHERE id IN (OLD.call_id, NEW.call_id);
END;
CREATE TRIGGER call_location_changed AFTER UPDATE ON locations
BEGIN
	UPDATE calls SET revision = revision + 1 WHERE location_id = NEW.id;
END;

-- on postgresql:
-- For any table with a revision: an update that leaves it raises it.
CREATE FUNCTION revision_raised() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.revision = OLD.revision THEN
		NEW.revision := OLD.revision + 1;
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER call_revised BEFORE UPDATE ON calls
	FOR EACH ROW EXECUTE FUNCTION revision_raised();
CREATE FUNCTION call_item_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		UPDATE calls SET revision = revision + 1 WHERE id = OLD.call_id;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		UPDATE calls SET revision = revision + 1 WHERE id = NEW.call_id;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER call_item_changed AFTER INSERT OR UPDATE OR DELETE ON call_items
	FOR EACH ROW EXECUTE FUNCTION call_item_changed();
CREATE FUNCTION call_location_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE calls SET revision = revision + 1 WHERE location_id = NEW.id;
	RETURN NULL;
END $$;
CREATE TRIGGER call_location_changed AFTER UPDATE ON locations
	FOR EACH ROW EXECUTE FUNCTION call_location_changed();
