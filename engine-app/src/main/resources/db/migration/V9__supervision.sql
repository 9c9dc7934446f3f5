-- Supervision (督查): reviews (好差评) with their rectification, urges (督办), the district plan's
-- targets, and what the statistics need from a finished case's clock.

-- One review per case and channel (现场一次一评, 网上一事一评), tied to the matter, department,
-- window (station) and staff member at the time it is given.
CREATE TABLE case_review (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_no             VARCHAR(32)   NOT NULL,
  channel             VARCHAR(16)   NOT NULL,  -- WINDOW | PC | MOBILE | KIOSK
  score               INT           NOT NULL,  -- 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意
  review_comment      VARCHAR(1000),
  bad                 BOOLEAN       NOT NULL,  -- score 1 or 2: a rectification process runs
  state               VARCHAR(16)   NOT NULL,  -- NONE | CONTACTING | APPEALED | RECTIFYING | AWAITING_RATING | RECTIFIED | UNRESOLVED | VOIDED
  matter_code         VARCHAR(64)   NOT NULL,
  department_code     VARCHAR(32)   NOT NULL,
  station_code        VARCHAR(32)   NOT NULL,
  staff               VARCHAR(64)   NOT NULL,  -- who accepted the case at the window
  process_instance_id VARCHAR(64),
  complex             BOOLEAN,                 -- decided when the applicant was contacted
  answer              VARCHAR(2000),           -- the department's answer after the fix
  rectification_score INT,                     -- the applicant's rating of the fix
  created_by          VARCHAR(64)   NOT NULL,
  created_at          DATETIME(3)   NOT NULL,
  closed_at           DATETIME(3),
  CONSTRAINT uk_review_case_channel UNIQUE (case_no, channel),
  CONSTRAINT fk_review_case FOREIGN KEY (case_no) REFERENCES service_case (case_no)
);
CREATE INDEX ix_review_state ON case_review (bad, state);
CREATE INDEX ix_review_created ON case_review (created_at);
CREATE INDEX ix_review_process ON case_review (process_instance_id);

-- 督办: a supervisor's order to a department about a case, with its own response limit.
CREATE TABLE case_urge (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_no             VARCHAR(32)   NOT NULL,
  department_code     VARCHAR(32)   NOT NULL,
  message             VARCHAR(1000) NOT NULL,
  urged_by            VARCHAR(64)   NOT NULL,
  urged_at            DATETIME(3)   NOT NULL,
  state               VARCHAR(16)   NOT NULL,  -- OPEN | OVERDUE (limit passed, no answer) | ANSWERED
  due_at              DATETIME(3),             -- the answer's limit (the diagram's step limit)
  process_instance_id VARCHAR(64),
  answer              VARCHAR(2000),
  answered_by         VARCHAR(64),
  answered_at         DATETIME(3),
  CONSTRAINT fk_urge_case FOREIGN KEY (case_no) REFERENCES service_case (case_no)
);
CREATE INDEX ix_urge_case ON case_urge (case_no);
CREATE INDEX ix_urge_state ON case_urge (state);
CREATE INDEX ix_urge_process ON case_urge (process_instance_id);

-- The district plan's targets (RULES.md), shown beside the figures; administrators change them here.
CREATE TABLE supervision_target (
  figure     VARCHAR(48)  NOT NULL PRIMARY KEY,
  label      VARCHAR(100) NOT NULL,
  target     DECIMAL(5,4) NOT NULL,  -- a share: 0.8500 is 85%
  direction  VARCHAR(8)   NOT NULL,  -- AT_LEAST | AT_MOST
  source     VARCHAR(200) NOT NULL
);
INSERT INTO supervision_target (figure, label, target, direction, source) VALUES
  ('onlineRate',              '一网通办率',                 0.8500, 'AT_LEAST', '区服务中心建设方案：一网通办率不低于 85%'),
  ('livelihoodNearHomeShare', '民生事项可在镇街就近办比例', 0.9000, 'AT_LEAST', '区服务中心建设方案：90% 以上民生事项可在镇街便民服务中心就近办'),
  ('townshipCoverage',        '镇街便民服务中心覆盖率',     1.0000, 'AT_LEAST', '区服务中心建设方案：镇街全覆盖'),
  ('badReviewFollowUpRate',   '差评整改率',                 1.0000, 'AT_LEAST', '国办发〔2019〕51号：实名差评回访整改率 100%');

-- When a case was finished and the working days it used (not counting paused ones): the
-- statistics read them instead of counting working days for every case at query time.
ALTER TABLE case_clock ADD finished_at DATETIME(3);
ALTER TABLE case_clock ADD used_workdays INT;
CREATE INDEX ix_case_received_matter ON service_case (received_at, matter_code);
-- the overdue list: clocks still running, by when they turn yellow
CREATE INDEX ix_case_clock_open ON case_clock (finished_at, stopped_at, yellow_at);
