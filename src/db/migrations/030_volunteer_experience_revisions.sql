-- A volunteer's record shows lived experience to whoever may see it, and a
-- server keeps that form of the record too, by revision
-- (src/api/page_forms.c): so the revision changes with lived experience as
-- well (029_volunteer_revisions.sql).

-- on sqlite:
CREATE TRIGGER volunteer_experience_added AFTER INSERT ON volunteer_experiences
BEGIN
	UPDATE volunteers SET revision = revision + 1 WHERE id = NEW.volunteer_id;
END;
CREATE TRIGGER volunteer_experience_removed AFTER DELETE ON volunteer_experiences
BEGIN
	UPDATE volunteers SET revision = revision + 1 WHERE id = OLD.volunteer_id;
END;
CREATE TRIGGER volunteer_experience_changed AFTER UPDATE ON volunteer_experiences
BEGIN
	UPDATE volunteers SET revision = revision + 1
	WHERE id IN (OLD.volunteer_id, NEW.volunteer_id);
END;

-- on postgresql:
CREATE TRIGGER volunteer_experience_changed
	AFTER INSERT OR UPDATE OR DELETE ON volunteer_experiences
	FOR EACH ROW EXECUTE FUNCTION volunteer_item_changed();
