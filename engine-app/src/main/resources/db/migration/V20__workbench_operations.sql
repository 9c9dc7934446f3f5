-- The approver workbench's operations (issue 16): 征求意见, 抄送, 常用意见, the bell's read marks,
-- the record of who revealed an applicant's personal data, and the indexes of 已办 / 我经手的.

-- 征求意见: a step asks another department's group for an opinion, with its own limit in working
-- days; the step stays with its approver. Only references and the texts, no applicant data.
CREATE TABLE consultation (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_no     VARCHAR(32)   NOT NULL,
  task_id     VARCHAR(64)   NOT NULL,
  step_id     VARCHAR(100),
  step_name   VARCHAR(200)  NOT NULL,
  asked_by    VARCHAR(64)   NOT NULL,
  group_id    VARCHAR(64)   NOT NULL,  -- the department asked: its dept-… group
  question    VARCHAR(2000) NOT NULL,
  workdays    INT           NOT NULL,
  asked_at    DATETIME(3)   NOT NULL,
  due_at      DATETIME(3)   NOT NULL,
  answered_by VARCHAR(64),
  answer      VARCHAR(2000),
  answered_at DATETIME(3),
  CONSTRAINT fk_consultation_case FOREIGN KEY (case_no) REFERENCES service_case (case_no)
);
CREATE INDEX ix_consultation_group ON consultation (group_id, answered_at, due_at);
CREATE INDEX ix_consultation_task ON consultation (task_id);
CREATE INDEX ix_consultation_case ON consultation (case_no);

-- 抄送: a copy of a case's step for information, one row per recipient (a user or a group).
CREATE TABLE case_copy (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_no        VARCHAR(32)   NOT NULL,
  task_id        VARCHAR(64),
  step_name      VARCHAR(200)  NOT NULL,
  from_user      VARCHAR(64)   NOT NULL,
  recipient      VARCHAR(64)   NOT NULL,
  recipient_kind VARCHAR(8)    NOT NULL,  -- USER | GROUP
  note           VARCHAR(1000),
  created_at     DATETIME(3)   NOT NULL,
  CONSTRAINT fk_copy_case FOREIGN KEY (case_no) REFERENCES service_case (case_no)
);
CREATE INDEX ix_copy_recipient ON case_copy (recipient, id);

-- Who read a copy: a copy to a group is read by each of its members on their own.
CREATE TABLE case_copy_read (
  copy_id BIGINT      NOT NULL,
  user_id VARCHAR(64) NOT NULL,
  read_at DATETIME(3) NOT NULL,
  PRIMARY KEY (copy_id, user_id)
);

-- 常用意见: a person's saved opinion phrases.
CREATE TABLE opinion_phrase (
  id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id    VARCHAR(64)   NOT NULL,
  phrase     VARCHAR(500)  NOT NULL,
  created_at DATETIME(3)   NOT NULL,
  CONSTRAINT uk_opinion_phrase UNIQUE (user_id, phrase)
);

-- The bell: a notification to a group is read by each member on their own.
CREATE TABLE notification_read (
  notification_id BIGINT      NOT NULL,
  user_id         VARCHAR(64) NOT NULL,
  read_at         DATETIME(3) NOT NULL,
  PRIMARY KEY (notification_id, user_id)
);
CREATE INDEX ix_notification_addressee ON notification (addressee, id);

-- Every deliberate "show" of an applicant's full ID number and phone: who, when, which case.
CREATE TABLE personal_data_reveal (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_no     VARCHAR(32)   NOT NULL,
  user_id     VARCHAR(64)   NOT NULL,
  revealed_at DATETIME(3)   NOT NULL,
  reason      VARCHAR(500),
  CONSTRAINT fk_reveal_case FOREIGN KEY (case_no) REFERENCES service_case (case_no)
);
CREATE INDEX ix_reveal_case ON personal_data_reveal (case_no, revealed_at);
CREATE INDEX ix_reveal_user ON personal_data_reveal (user_id, revealed_at);

-- 已办 and 我经手的: a person's lines on the timelines, newest first.
CREATE INDEX ix_case_event_actor ON case_event (actor, occurred_at);
CREATE INDEX ix_case_event_actor_case ON case_event (actor, case_no, occurred_at);
