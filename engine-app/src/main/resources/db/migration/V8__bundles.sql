-- One-thing bundles (一件事): a bundle is a catalog matter of kind BUNDLE, handled by the centre's
-- one-thing window, whose process calls the processes of the matters the applicant's answers need.
-- Its case is a service_case row like any other (one clock, one timeline, one notice); each matter
-- it needs is a child case of its own (its own number, clock and department tasks) pointing to it.

ALTER TABLE service_case ADD bundle_case_no VARCHAR(32);  -- the bundle case this case is a matter of
CREATE INDEX ix_case_bundle ON service_case (bundle_case_no);

-- How a bundle asks and what it shares: the questionnaire (情形引导) is a decision table answering
-- the matter codes, shown to the applicant as a Camunda Form.
CREATE TABLE bundle (
  code                   VARCHAR(64)  NOT NULL PRIMARY KEY,
  questionnaire_decision VARCHAR(100) NOT NULL,
  questionnaire_form     VARCHAR(100) NOT NULL,
  sort_order             INT          NOT NULL,
  CONSTRAINT fk_bundle_matter FOREIGN KEY (code) REFERENCES matter (code)
);

-- The matters a bundle may need (the questionnaire picks among them).
CREATE TABLE bundle_matter (
  bundle_code VARCHAR(64) NOT NULL,
  matter_code VARCHAR(64) NOT NULL,
  sort_order  INT         NOT NULL,
  PRIMARY KEY (bundle_code, matter_code),
  CONSTRAINT fk_bm_bundle FOREIGN KEY (bundle_code) REFERENCES bundle (code),
  CONSTRAINT fk_bm_matter FOREIGN KEY (matter_code) REFERENCES matter (code)
);

-- Materials given once: each material of each matter comes from one of the bundle's materials
-- (the bundle matter's own matter_material rows), or, when bundle_material_code is NULL, from
-- another matter's result shared between departments (e.g. the business licence the registration
-- issues), so the applicant is never asked for it.
CREATE TABLE bundle_material_use (
  bundle_code          VARCHAR(64) NOT NULL,
  matter_code          VARCHAR(64) NOT NULL,
  material_code        VARCHAR(32) NOT NULL,
  bundle_material_code VARCHAR(32),
  PRIMARY KEY (bundle_code, matter_code, material_code),
  CONSTRAINT fk_bmu_matter_material FOREIGN KEY (matter_code, material_code) REFERENCES matter_material (matter_code, code),
  CONSTRAINT fk_bmu_bundle_matter FOREIGN KEY (bundle_code, matter_code) REFERENCES bundle_matter (bundle_code, matter_code)
);

INSERT INTO department (code, name) VALUES
  ('zwfw', '瓯海区行政服务中心（一件事综合窗口）'),
  ('bank', '合作银行（瓯海区企业开办专窗）');

-- 银行开户预约, the sixth matter of 开办企业一件事 (RULES.md): the bank's own window, near the centre's.
INSERT INTO matter (code, name, department_code, kind, statutory_workdays, promised_workdays, commitment_allowed,
                    process_key, applicant_types, exception_note, proxy_received, livelihood) VALUES
  ('BANK-KHYY-001', '企业基本存款账户开户预约', 'bank', 'IMMEDIATE', 1, 0, FALSE, 'Process_BankAccountAppointment', 'ORG', NULL, FALSE, FALSE),
  ('YJS-KBQY-001',  '开办企业一件事',           'zwfw', 'BUNDLE',    15, 2, FALSE, 'Process_CompanyStartupBundle',   'ORG', NULL, FALSE, FALSE),
  ('YJS-CS-001',    '出生一件事',               'zwfw', 'BUNDLE',    20, 5, FALSE, 'Process_BirthBundle',            'PERSON', NULL, FALSE, TRUE);

INSERT INTO matter_material (matter_code, code, name, tolerable, sort_order) VALUES
  ('BANK-KHYY-001', 'M01', '开户预约申请表',                         FALSE, 1),
  ('BANK-KHYY-001', 'M02', '营业执照',                               FALSE, 2),
  ('BANK-KHYY-001', 'M03', '法定代表人身份证明',                     TRUE,  3),
  -- 开办企业一件事: one form (一表申请) and what the matters need besides
  ('YJS-KBQY-001',  'K01', '企业开办综合申请表（一表申请）',         FALSE, 1),
  ('YJS-KBQY-001',  'K02', '公司章程',                               FALSE, 2),
  ('YJS-KBQY-001',  'K03', '股东主体资格证明',                       FALSE, 3),
  ('YJS-KBQY-001',  'K04', '法定代表人、董事、监事和经理的任职文件', FALSE, 4),
  ('YJS-KBQY-001',  'K05', '住所使用相关文件',                       TRUE,  5),
  ('YJS-KBQY-001',  'K06', '经办人身份证明',                         FALSE, 6),
  ('YJS-KBQY-001',  'K07', '税务登记信息确认表',                     TRUE,  7),
  ('YJS-KBQY-001',  'K08', '职工花名册',                             TRUE,  8),
  ('YJS-KBQY-001',  'K09', '法定代表人身份证明',                     TRUE,  9),
  -- 出生一件事
  ('YJS-CS-001',    'C01', '出生一件事联办申请表（一表申请）',       FALSE, 1),
  ('YJS-CS-001',    'C02', '父母双方居民身份证',                     FALSE, 2),
  ('YJS-CS-001',    'C03', '分娩机构出具的分娩记录',                 FALSE, 3),
  ('YJS-CS-001',    'C04', '父母双方居民户口簿',                     FALSE, 4),
  ('YJS-CS-001',    'C05', '父母结婚证',                             TRUE,  5),
  ('YJS-CS-001',    'C06', '资助参保人员身份证明（低保、特困等）',   TRUE,  6),
  ('YJS-CS-001',    'C07', '新生儿近期免冠照片',                     TRUE,  7);

INSERT INTO matter_station (matter_code, station_code, decides) VALUES
  ('BANK-KHYY-001', 'OH-CENTRE', TRUE),
  ('YJS-KBQY-001',  'OH-CENTRE', TRUE),
  ('YJS-CS-001',    'OH-CENTRE', TRUE);

INSERT INTO bundle (code, questionnaire_decision, questionnaire_form, sort_order) VALUES
  ('YJS-KBQY-001', 'Decision_CompanyStartupMatters', 'form_BundleCompanyStartup', 1),
  ('YJS-CS-001',   'Decision_BirthMatters',          'form_BundleBirth',          2);

INSERT INTO bundle_matter (bundle_code, matter_code, sort_order) VALUES
  ('YJS-KBQY-001', 'SCJG-QYDJ-001', 1),
  ('YJS-KBQY-001', 'GA-YZBA-001',   2),
  ('YJS-KBQY-001', 'SWJ-FPLY-001',  3),
  ('YJS-KBQY-001', 'RSJ-CBDJ-001',  4),
  ('YJS-KBQY-001', 'GJJ-JCDJ-001',  5),
  ('YJS-KBQY-001', 'BANK-KHYY-001', 6),
  ('YJS-CS-001',   'WJJ-CSZM-001',  1),
  ('YJS-CS-001',   'GA-CSDJ-001',   2),
  ('YJS-CS-001',   'YBJ-JMCB-001',  3),
  ('YJS-CS-001',   'RSJ-SBKSL-001', 4);

INSERT INTO bundle_material_use (bundle_code, matter_code, material_code, bundle_material_code) VALUES
  ('YJS-KBQY-001', 'SCJG-QYDJ-001', 'M01', 'K01'),
  ('YJS-KBQY-001', 'SCJG-QYDJ-001', 'M02', 'K02'),
  ('YJS-KBQY-001', 'SCJG-QYDJ-001', 'M03', 'K03'),
  ('YJS-KBQY-001', 'SCJG-QYDJ-001', 'M04', 'K04'),
  ('YJS-KBQY-001', 'SCJG-QYDJ-001', 'M05', 'K05'),
  ('YJS-KBQY-001', 'GA-YZBA-001',   'M01', 'K01'),
  ('YJS-KBQY-001', 'GA-YZBA-001',   'M02', NULL),   -- 营业执照: shared from the registration
  ('YJS-KBQY-001', 'GA-YZBA-001',   'M03', 'K06'),
  ('YJS-KBQY-001', 'SWJ-FPLY-001',  'M01', 'K01'),
  ('YJS-KBQY-001', 'SWJ-FPLY-001',  'M02', 'K06'),
  ('YJS-KBQY-001', 'SWJ-FPLY-001',  'M03', 'K07'),
  ('YJS-KBQY-001', 'RSJ-CBDJ-001',  'M01', 'K01'),
  ('YJS-KBQY-001', 'RSJ-CBDJ-001',  'M02', NULL),
  ('YJS-KBQY-001', 'RSJ-CBDJ-001',  'M03', 'K08'),
  ('YJS-KBQY-001', 'GJJ-JCDJ-001',  'M01', 'K01'),
  ('YJS-KBQY-001', 'GJJ-JCDJ-001',  'M02', NULL),
  ('YJS-KBQY-001', 'GJJ-JCDJ-001',  'M03', 'K06'),
  ('YJS-KBQY-001', 'BANK-KHYY-001', 'M01', 'K01'),
  ('YJS-KBQY-001', 'BANK-KHYY-001', 'M02', NULL),
  ('YJS-KBQY-001', 'BANK-KHYY-001', 'M03', 'K09'),
  ('YJS-CS-001',   'WJJ-CSZM-001',  'M01', 'C01'),
  ('YJS-CS-001',   'WJJ-CSZM-001',  'M02', 'C02'),
  ('YJS-CS-001',   'WJJ-CSZM-001',  'M03', 'C03'),
  ('YJS-CS-001',   'WJJ-CSZM-001',  'M04', 'C02'),
  ('YJS-CS-001',   'GA-CSDJ-001',   'M01', NULL),   -- 《出生医学证明》: shared from 卫健's result
  ('YJS-CS-001',   'GA-CSDJ-001',   'M02', 'C04'),
  ('YJS-CS-001',   'GA-CSDJ-001',   'M03', 'C02'),
  ('YJS-CS-001',   'GA-CSDJ-001',   'M04', 'C05'),
  ('YJS-CS-001',   'YBJ-JMCB-001',  'M01', 'C01'),
  ('YJS-CS-001',   'YBJ-JMCB-001',  'M02', NULL),   -- the newborn's household entry: shared from 公安
  ('YJS-CS-001',   'YBJ-JMCB-001',  'M03', 'C06'),
  ('YJS-CS-001',   'RSJ-SBKSL-001', 'M01', 'C01'),
  ('YJS-CS-001',   'RSJ-SBKSL-001', 'M02', NULL),   -- the newborn's ID number: shared from 公安
  ('YJS-CS-001',   'RSJ-SBKSL-001', 'M03', 'C07');
