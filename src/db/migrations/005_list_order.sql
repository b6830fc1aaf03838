-- Lists are read newest first, a page at a time: indexes in that order let a
-- page be read without sorting the whole table.
CREATE INDEX call_created ON calls(created_at, id);
CREATE INDEX call_org_created ON calls(organisation_id, created_at, id);
CREATE INDEX match_updated ON matches(updated_at, id);
CREATE INDEX volunteer_org_name ON volunteers(organisation_id, last_name, first_name, id);
