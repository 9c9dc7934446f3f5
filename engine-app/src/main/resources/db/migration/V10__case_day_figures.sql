-- The statistics' summary (docs/benchmarks.md, "Supervision load"): one row per day of receipt
-- (Beijing time), department, matter, station, channel and accepting clerk, holding what the cases of
-- that cell count for. Rewritten for a cell whenever one of its cases is taken in, decided or closed
-- (supervision.CaseDayFigures); the one figure that moves with time alone, an open case running past
-- its due date, is counted live from the late clocks and is not kept here.
CREATE TABLE case_day_figures (
  received_day      DATE         NOT NULL,
  department_code   VARCHAR(32)  NOT NULL,
  matter_code       VARCHAR(64)  NOT NULL,
  station_code      VARCHAR(32)  NOT NULL,
  channel           VARCHAR(16)  NOT NULL,
  accepted_by       VARCHAR(64)  NOT NULL,
  cases             BIGINT       NOT NULL,
  online            BIGINT       NOT NULL,
  kiosk             BIGINT       NOT NULL,
  near_home_eligible BIGINT      NOT NULL,
  near_home         BIGINT       NOT NULL,
  timed             BIGINT       NOT NULL,
  decided           BIGINT       NOT NULL,
  on_time           BIGINT       NOT NULL,
  overdue_decided   BIGINT       NOT NULL,  -- decided (or closed) on or after the due date
  used_workdays     BIGINT       NOT NULL,
  promised_workdays BIGINT       NOT NULL,
  PRIMARY KEY (received_day, department_code, matter_code, station_code, channel, accepted_by)
);

-- reviews are counted by their case's day of receipt: kept on the review, so a month's reviews are
-- found by an index instead of through every case of the month
ALTER TABLE case_review ADD case_received_at DATETIME(3);
UPDATE case_review SET case_received_at = (SELECT c.received_at FROM service_case c WHERE c.case_no = case_review.case_no);
CREATE INDEX ix_review_case_received ON case_review (case_received_at);
