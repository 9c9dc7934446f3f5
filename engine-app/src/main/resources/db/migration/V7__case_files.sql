-- Materials as files (材料附件). The content lives in the file store (by default content-addressed
-- files under DATA_DIR/files, named by SHA-256); these rows say which case and material a file backs.
CREATE TABLE case_file (
  id            VARCHAR(36)  NOT NULL PRIMARY KEY,
  case_no       VARCHAR(32)  NOT NULL,
  material_code VARCHAR(32)  NOT NULL,
  file_name     VARCHAR(255) NOT NULL,
  media_type    VARCHAR(100) NOT NULL,
  size_bytes    BIGINT       NOT NULL,
  sha256        CHAR(64)     NOT NULL,
  uploaded_by   VARCHAR(64)  NOT NULL,
  uploaded_at   DATETIME(3)  NOT NULL,
  removed_at    DATETIME(3),            -- set when history cleanup removed the case; the content may then go
  CONSTRAINT fk_cf_case FOREIGN KEY (case_no) REFERENCES service_case (case_no)
);
CREATE INDEX ix_case_file_case ON case_file (case_no, material_code);
CREATE INDEX ix_case_file_hash ON case_file (sha256, removed_at);

-- Every download of a material's file: who read which file of which case, when.
CREATE TABLE file_download (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  file_id       VARCHAR(36)  NOT NULL,
  case_no       VARCHAR(32)  NOT NULL,
  downloaded_by VARCHAR(64)  NOT NULL,
  downloaded_at DATETIME(3)  NOT NULL,
  CONSTRAINT fk_fd_file FOREIGN KEY (file_id) REFERENCES case_file (id)
);
CREATE INDEX ix_file_download_case ON file_download (case_no, downloaded_at);

-- A paper original the window clerk has seen counts as provided too, recorded with who and when.
ALTER TABLE case_material ADD COLUMN original_seen_by VARCHAR(64);
ALTER TABLE case_material ADD COLUMN original_seen_at DATETIME(3);

-- The file types a matter accepts; a matter without rows accepts the configured defaults
-- (app.materials.default-types: PDF, JPEG, PNG, OFD).
CREATE TABLE matter_file_type (
  matter_code VARCHAR(64)  NOT NULL,
  media_type  VARCHAR(100) NOT NULL,
  PRIMARY KEY (matter_code, media_type),
  CONSTRAINT fk_mft_matter FOREIGN KEY (matter_code) REFERENCES matter (code)
);
-- the planning permit takes drawings as PDF or OFD only: photos of drawings are not accepted
INSERT INTO matter_file_type (matter_code, media_type) VALUES
  ('ZRZY-GHXK-001', 'application/pdf'),
  ('ZRZY-GHXK-001', 'application/ofd');
