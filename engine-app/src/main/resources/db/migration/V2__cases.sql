-- Cases (办件), their materials and timeline. Personal data stays here, never in process variables.
CREATE TABLE service_case (
  case_no             VARCHAR(32)  NOT NULL PRIMARY KEY,
  request_id          VARCHAR(64)  NOT NULL,
  matter_code         VARCHAR(64)  NOT NULL,
  status              VARCHAR(32)  NOT NULL,
  applicant_type      VARCHAR(8)   NOT NULL,
  applicant_name      VARCHAR(200) NOT NULL,
  applicant_id_number VARCHAR(32)  NOT NULL,
  applicant_phone     VARCHAR(32),
  channel             VARCHAR(16)  NOT NULL,
  station_code        VARCHAR(32)  NOT NULL,
  priority            VARCHAR(32),
  commitment          BOOLEAN      NOT NULL,
  process_instance_id VARCHAR(64),
  received_at         DATETIME(3)  NOT NULL,
  accepted_by         VARCHAR(64)  NOT NULL,
  completed_at        DATETIME(3),
  CONSTRAINT uk_case_request UNIQUE (request_id),
  CONSTRAINT fk_case_matter FOREIGN KEY (matter_code) REFERENCES matter (code),
  CONSTRAINT fk_case_station FOREIGN KEY (station_code) REFERENCES station (code)
);
CREATE INDEX ix_case_status ON service_case (status);
CREATE INDEX ix_case_received ON service_case (received_at);
CREATE INDEX ix_case_process ON service_case (process_instance_id);

CREATE TABLE case_material (
  case_no       VARCHAR(32) NOT NULL,
  material_code VARCHAR(32) NOT NULL,
  provided      BOOLEAN     NOT NULL,
  requested     BOOLEAN     NOT NULL DEFAULT FALSE,  -- asked for in a supplement notice (补正) not yet handed in
  PRIMARY KEY (case_no, material_code),
  CONSTRAINT fk_cm_case FOREIGN KEY (case_no) REFERENCES service_case (case_no)
);

CREATE TABLE case_event (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_no     VARCHAR(32)  NOT NULL,
  occurred_at DATETIME(3)  NOT NULL,
  kind        VARCHAR(32)  NOT NULL,  -- INTAKE | STEP | STATUS
  step_id     VARCHAR(100),
  step_name   VARCHAR(200) NOT NULL,
  actor       VARCHAR(64),
  decision    VARCHAR(32),
  opinion     VARCHAR(2000),
  CONSTRAINT fk_ce_case FOREIGN KEY (case_no) REFERENCES service_case (case_no)
);
CREATE INDEX ix_case_event_case ON case_event (case_no, occurred_at);

-- One row per day; the row lock taken by the increment serialises concurrent intakes.
CREATE TABLE case_number_counter (
  counter_day CHAR(8) NOT NULL PRIMARY KEY,
  last_value  INT     NOT NULL
);
