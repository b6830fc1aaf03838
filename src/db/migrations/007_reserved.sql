-- Number kept free for a migration made in parallel on another branch;
-- replaced by that migration when the branches meet.
SELECT 1;
