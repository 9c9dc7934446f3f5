-- The case clock (限时办结): when the case's limit runs out, and the time the law does not count.
CREATE TABLE case_clock (
  case_no             VARCHAR(32) NOT NULL PRIMARY KEY,
  process_instance_id VARCHAR(64),
  started_at          DATETIME(3) NOT NULL,
  limit_workdays      INT         NOT NULL,
  due_at              DATETIME(3) NOT NULL,
  yellow_workdays     INT         NOT NULL,
  yellow_at           DATETIME(3) NOT NULL,  -- when the light turns yellow (kept with due_at, for queries)
  pause_depth         INT         NOT NULL,
  paused_since        DATETIME(3),
  pause_kind          VARCHAR(32),
  paused_workdays     INT         NOT NULL,
  stopped_at          DATETIME(3),           -- decided (e.g. on commitment): the limit was met then
  CONSTRAINT fk_clock_case FOREIGN KEY (case_no) REFERENCES service_case (case_no)
);
CREATE INDEX ix_case_clock_due ON case_clock (due_at);
CREATE INDEX ix_case_clock_yellow ON case_clock (yellow_at);
CREATE INDEX ix_case_clock_process ON case_clock (process_instance_id);

-- Every pause, for the timeline and for supervisors' statistics.
CREATE TABLE case_pause (
  id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_no    VARCHAR(32) NOT NULL,
  kind       VARCHAR(32) NOT NULL,  -- SUPPLEMENT | SPECIAL_PROCEDURE
  started_at DATETIME(3) NOT NULL,
  ended_at   DATETIME(3),
  workdays   INT,
  CONSTRAINT fk_pause_case FOREIGN KEY (case_no) REFERENCES service_case (case_no)
);
CREATE INDEX ix_case_pause_case ON case_pause (case_no);

-- Notifications the platform sent (warnings, escalations); the default sender only logs and keeps them here.
CREATE TABLE notification (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_no    VARCHAR(32)  NOT NULL,
  addressee  VARCHAR(64)  NOT NULL,
  kind       VARCHAR(32)  NOT NULL,
  message    VARCHAR(500) NOT NULL,
  created_at DATETIME(3)  NOT NULL
);
CREATE INDEX ix_notification_case ON notification (case_no);
