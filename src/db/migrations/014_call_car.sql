-- A call may need a car (a hospital ride): a driving licence alone is not
-- enough. A volunteer has a car when their travel mode is the car.
ALTER TABLE calls ADD COLUMN requires_car BIGINT NOT NULL DEFAULT 0;
