-- The overdue list reads the running clocks that are yellow or red, most late first. With the
-- clock's due date, pause and threshold in the index it reads no table rows: on 100,000 open cases
-- with 2,400 late, 12 → 2 ms (docs/benchmarks.md). The statistics' live overdue count uses it too.
DROP INDEX ix_case_clock_open ON case_clock;
CREATE INDEX ix_case_clock_open ON case_clock (finished_at, stopped_at, yellow_at, due_at, paused_since, yellow_workdays);
