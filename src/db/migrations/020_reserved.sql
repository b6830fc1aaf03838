-- Number 020 belongs to the notification preferences; this placeholder keeps
-- the numbering contiguous until they land and is replaced by them.
SELECT 1;
