-- The catalog: departments, service stations and matters with their materials.
CREATE TABLE department (
  code        VARCHAR(32)  NOT NULL PRIMARY KEY,
  name        VARCHAR(100) NOT NULL
);

CREATE TABLE station (
  code        VARCHAR(32)  NOT NULL PRIMARY KEY,
  name        VARCHAR(100) NOT NULL,
  level       VARCHAR(16)  NOT NULL,  -- DISTRICT | BRANCH | TOWNSHIP
  parent_code VARCHAR(32),
  address     VARCHAR(200),
  sort_order  INT          NOT NULL
);

CREATE TABLE matter (
  code               VARCHAR(64)  NOT NULL PRIMARY KEY,
  name               VARCHAR(200) NOT NULL,
  department_code    VARCHAR(32)  NOT NULL,
  kind               VARCHAR(16)  NOT NULL,  -- IMMEDIATE | PROMISED
  statutory_workdays INT          NOT NULL,
  promised_workdays  INT          NOT NULL,
  commitment_allowed BOOLEAN      NOT NULL,
  process_key        VARCHAR(100) NOT NULL,
  CONSTRAINT fk_matter_department FOREIGN KEY (department_code) REFERENCES department (code)
);

CREATE TABLE matter_material (
  matter_code VARCHAR(64)  NOT NULL,
  code        VARCHAR(32)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  tolerable   BOOLEAN      NOT NULL,  -- secondary material: may be missing under 容缺受理
  sort_order  INT          NOT NULL,
  PRIMARY KEY (matter_code, code),
  CONSTRAINT fk_material_matter FOREIGN KEY (matter_code) REFERENCES matter (code)
);

CREATE TABLE matter_station (
  matter_code  VARCHAR(64) NOT NULL,
  station_code VARCHAR(32) NOT NULL,
  PRIMARY KEY (matter_code, station_code),
  CONSTRAINT fk_ms_matter FOREIGN KEY (matter_code) REFERENCES matter (code),
  CONSTRAINT fk_ms_station FOREIGN KEY (station_code) REFERENCES station (code)
);
