-- A year without its official schedule is counted on its statutory holidays (provisional). When
-- the schedule is loaded, the due dates counted on the provisional year move (sla/ProvisionalYearAdjustment):
-- case clocks, then open steps, then timers, in batches, each batch with its progress here, so a
-- crash resumes where it stopped instead of moving anything twice.
CREATE TABLE calendar_adjustment (
  year_no      INT          NOT NULL PRIMARY KEY,
  started_at   DATETIME(3)  NOT NULL,  -- steps and timers created before this were counted on the provisional year
  phase        VARCHAR(16)  NOT NULL,  -- CASES | STEPS | TIMERS | DONE
  last_key     VARCHAR(64),            -- the last case number, task id or job id done in the phase
  cases_moved  INT          NOT NULL,
  steps_moved  INT          NOT NULL,
  timers_moved INT          NOT NULL,
  finished_at  DATETIME(3)
);

-- The administrators were warned once that a year is counted provisionally.
CREATE TABLE calendar_warning (
  year_no   INT          NOT NULL PRIMARY KEY,
  warned_at DATETIME(3)  NOT NULL
);
