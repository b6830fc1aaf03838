-- Number 021 is taken by a migration of its own; this one changes nothing.
SELECT 1;
