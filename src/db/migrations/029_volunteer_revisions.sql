-- A volunteer's revision changes with everything a list of volunteers shows
-- of them: their row and their items (lived experience is in no list). A
-- server keeps each volunteer as a list shows them, by revision
-- (src/api/page_forms.c), as it keeps calls (028_call_revisions.sql).
ALTER TABLE volunteers ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;

-- on sqlite:
CREATE TRIGGER volunteer_revised AFTER UPDATE ON volunteers
	WHEN NEW.revision = OLD.revision
BEGIN
	UPDATE volunteers SET revision = OLD.revision + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER volunteer_item_added AFTER INSERT ON volunteer_items
BEGIN
	UPDATE volunteers SET revision = revision + 1 WHERE id = NEW.volunteer_id;
END;
CREATE TRIGGER volunteer_item_removed AFTER DELETE ON volunteer_items
BEGIN
	UPDATE volunteers SET revision = revision + 1 WHERE id = OLD.volunteer_id;
END;
CREATE TRIGGER volunteer_item_changed AFTER UPDATE ON volunteer_items
BEGIN
	UPDATE volunteers SET revision = revision + 1
	WHERE id IN (OLD.volunteer_id, NEW.volunteer_id);
END;

-- on postgresql:
CREATE TRIGGER volunteer_revised BEFORE UPDATE ON volunteers
	FOR EACH ROW EXECUTE FUNCTION revision_raised();
CREATE FUNCTION volunteer_item_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		UPDATE volunteers SET revision = revision + 1 WHERE id = OLD.volunteer_id;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		UPDATE volunteers SET revision = revision + 1 WHERE id = NEW.volunteer_id;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER volunteer_item_changed AFTER INSERT OR UPDATE OR DELETE ON volunteer_items
	FOR EACH ROW EXECUTE FUNCTION volunteer_item_changed();
