-- The figures of a period read matches, exit interviews and nazorg answers
-- by their date; these indexes hold what those counts need, so a period is
-- one range of an index instead of a pass over every row.
CREATE INDEX match_created ON matches(created_at, status, reason, call_id);
CREATE INDEX exit_interview_held ON exit_interviews(held_on, reason, outcome, journey_id);
CREATE INDEX match_aftercare_answered ON match_aftercare(answered_at, answer, match_id);
