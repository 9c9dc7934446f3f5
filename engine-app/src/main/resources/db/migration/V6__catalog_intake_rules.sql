-- Intake rules in the catalog: who may apply, where a matter is received and where decided,
-- matters the centre does not handle (exception list), and the applicants' commitment record.

ALTER TABLE matter ADD applicant_types VARCHAR(16) DEFAULT 'ANY' NOT NULL;  -- PERSON | ORG | ANY
ALTER TABLE matter ADD exception_note VARCHAR(300);                       -- on the exception list: where to go instead
ALTER TABLE matter ADD proxy_received BOOLEAN DEFAULT FALSE NOT NULL;       -- low-frequency: the window receives for the department
ALTER TABLE matter ADD livelihood BOOLEAN DEFAULT FALSE NOT NULL;           -- a livelihood matter (民生事项), for the near-home figure
ALTER TABLE matter_station ADD decides BOOLEAN DEFAULT TRUE NOT NULL;        -- false: the station only receives (收件), the department decides

-- A false commitment, recorded against the applicant: no more 告知承诺 or 容缺受理 for them.
CREATE TABLE applicant_credit (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  id_number   VARCHAR(32)  NOT NULL,
  kind        VARCHAR(32)  NOT NULL,  -- FALSE_COMMITMENT | MISSED_SUPPLEMENT
  case_no     VARCHAR(32)  NOT NULL,
  note        VARCHAR(500) NOT NULL,
  recorded_at DATETIME(3)  NOT NULL
);
CREATE INDEX ix_credit_id_number ON applicant_credit (id_number);

ALTER TABLE service_case ADD refusal_reason VARCHAR(500);
ALTER TABLE service_case ADD handling VARCHAR(16);  -- WINDOW (受办合一) | BACK_OFFICE (受办分离)

UPDATE matter SET applicant_types = 'PERSON', livelihood = TRUE WHERE code = 'SCJG-GTDJ-001';
UPDATE matter SET applicant_types = 'ORG' WHERE code IN ('SCJG-SPJY-001', 'WJJ-GGCS-001');

INSERT INTO department (code, name) VALUES
  ('ga',   '温州市公安局瓯海区分局'),
  ('rsj',  '瓯海区人力资源和社会保障局'),
  ('ybj',  '瓯海区医疗保障局'),
  ('swj',  '国家税务总局温州市瓯海区税务局'),
  ('zrzy', '温州市自然资源和规划局瓯海分局'),
  ('gjj',  '温州市住房公积金管理中心瓯海分中心');

INSERT INTO matter (code, name, department_code, kind, statutory_workdays, promised_workdays, commitment_allowed,
                    process_key, applicant_types, exception_note, proxy_received, livelihood) VALUES
  ('SCJG-QYDJ-001', '企业设立登记（有限责任公司）',     'scjg', 'PROMISED',  15, 1,  FALSE, 'Process_CompanyRegistration',         'ORG',    NULL, FALSE, FALSE),
  ('GA-YZBA-001',   '公章刻制备案',                   'ga',   'IMMEDIATE', 1,  0,  FALSE, 'Process_SealEngravingRecord',          'ORG',    NULL, FALSE, FALSE),
  ('GA-CSDJ-001',   '出生登记（户口登记）',             'ga',   'PROMISED',  10, 1,  FALSE, 'Process_BirthRegistration',            'PERSON', NULL, FALSE, TRUE),
  ('SWJ-FPLY-001',  '发票领用及税控设备发行',           'swj',  'IMMEDIATE', 1,  0,  FALSE, 'Process_InvoiceIssue',                 'ORG',    NULL, FALSE, FALSE),
  ('RSJ-CBDJ-001',  '单位职工社会保险参保登记',         'rsj',  'IMMEDIATE', 5,  0,  FALSE, 'Process_EmployeeInsuranceRegistration','ORG',    NULL, FALSE, FALSE),
  ('RSJ-SBKSL-001', '社会保障卡申领',                   'rsj',  'PROMISED',  20, 5,  FALSE, 'Process_SocialSecurityCard',           'PERSON', NULL, FALSE, TRUE),
  ('YBJ-JMCB-001',  '城乡居民基本医疗保险参保登记',     'ybj',  'IMMEDIATE', 5,  0,  FALSE, 'Process_ResidentMedicalInsurance',     'PERSON', NULL, FALSE, TRUE),
  ('WJJ-CSZM-001',  '《出生医学证明》首次签发',         'wjj',  'PROMISED',  10, 3,  FALSE, 'Process_BirthCertificate',             'PERSON', NULL, TRUE,  TRUE),
  ('GJJ-JCDJ-001',  '单位住房公积金缴存登记',           'gjj',  'IMMEDIATE', 5,  0,  FALSE, 'Process_HousingFundRegistration',      'ORG',    NULL, FALSE, FALSE),
  ('ZRZY-GHXK-001', '建设工程规划许可证核发',           'zrzy', 'PROMISED',  20, 10, FALSE, 'Process_ConstructionPlanningPermit',   'ORG',    NULL, FALSE, FALSE),
  ('ZRZY-BDCDJ-001','不动产首次登记',                   'zrzy', 'PROMISED',  30, 5,  FALSE, 'Process_RealEstateRegistration',       'ANY',
     '不动产登记不在本中心受理（例外事项），请至瓯海区不动产登记服务中心办理。', FALSE, TRUE);

INSERT INTO matter_material (matter_code, code, name, tolerable, sort_order) VALUES
  ('SCJG-QYDJ-001', 'M01', '公司登记（备案）申请书',                 FALSE, 1),
  ('SCJG-QYDJ-001', 'M02', '公司章程',                               FALSE, 2),
  ('SCJG-QYDJ-001', 'M03', '股东主体资格证明',                       FALSE, 3),
  ('SCJG-QYDJ-001', 'M04', '法定代表人、董事、监事和经理的任职文件', FALSE, 4),
  ('SCJG-QYDJ-001', 'M05', '住所使用相关文件',                       TRUE,  5),
  ('GA-YZBA-001',   'M01', '印章刻制备案申请表',                     FALSE, 1),
  ('GA-YZBA-001',   'M02', '营业执照',                               FALSE, 2),
  ('GA-YZBA-001',   'M03', '经办人身份证明',                         TRUE,  3),
  ('GA-CSDJ-001',   'M01', '《出生医学证明》',                       FALSE, 1),
  ('GA-CSDJ-001',   'M02', '父母双方居民户口簿',                     FALSE, 2),
  ('GA-CSDJ-001',   'M03', '父母双方居民身份证',                     FALSE, 3),
  ('GA-CSDJ-001',   'M04', '父母结婚证',                             TRUE,  4),
  ('SWJ-FPLY-001',  'M01', '发票领用申请表',                         FALSE, 1),
  ('SWJ-FPLY-001',  'M02', '经办人身份证明',                         FALSE, 2),
  ('SWJ-FPLY-001',  'M03', '税务登记信息确认表',                     TRUE,  3),
  ('RSJ-CBDJ-001',  'M01', '社会保险登记表',                         FALSE, 1),
  ('RSJ-CBDJ-001',  'M02', '营业执照',                               FALSE, 2),
  ('RSJ-CBDJ-001',  'M03', '职工花名册',                             TRUE,  3),
  ('RSJ-SBKSL-001', 'M01', '社会保障卡申领登记表',                   FALSE, 1),
  ('RSJ-SBKSL-001', 'M02', '居民身份证',                             FALSE, 2),
  ('RSJ-SBKSL-001', 'M03', '近期免冠证件照',                         TRUE,  3),
  ('YBJ-JMCB-001',  'M01', '城乡居民医保参保登记表',                 FALSE, 1),
  ('YBJ-JMCB-001',  'M02', '居民身份证或户口簿',                     FALSE, 2),
  ('YBJ-JMCB-001',  'M03', '资助参保人员身份证明（低保、特困等）',   TRUE,  3),
  ('WJJ-CSZM-001',  'M01', '《出生医学证明》首次签发申请表',         FALSE, 1),
  ('WJJ-CSZM-001',  'M02', '母亲居民身份证',                         FALSE, 2),
  ('WJJ-CSZM-001',  'M03', '分娩机构出具的分娩记录',                 FALSE, 3),
  ('WJJ-CSZM-001',  'M04', '父亲居民身份证',                         TRUE,  4),
  ('GJJ-JCDJ-001',  'M01', '单位住房公积金缴存登记表',               FALSE, 1),
  ('GJJ-JCDJ-001',  'M02', '营业执照',                               FALSE, 2),
  ('GJJ-JCDJ-001',  'M03', '经办人身份证明',                         TRUE,  3),
  ('ZRZY-GHXK-001', 'M01', '建设工程规划许可申请表',                 FALSE, 1),
  ('ZRZY-GHXK-001', 'M02', '使用土地的有关证明文件',                 FALSE, 2),
  ('ZRZY-GHXK-001', 'M03', '建设工程设计方案总平面图',               FALSE, 3),
  ('ZRZY-GHXK-001', 'M04', '建筑工程施工图设计文件',                 TRUE,  4),
  ('ZRZY-BDCDJ-001','M01', '不动产登记申请书',                       FALSE, 1),
  ('ZRZY-BDCDJ-001','M02', '不动产权属来源证明',                     TRUE,  2);

-- Where each matter is received, and whether that station decides it (true) or only receives it
-- and routes it to the department (收件, 异地代收).
INSERT INTO matter_station (matter_code, station_code, decides) VALUES
  ('SCJG-QYDJ-001', 'OH-CENTRE', TRUE),
  ('GA-YZBA-001',   'OH-CENTRE', TRUE),
  ('SWJ-FPLY-001',  'OH-CENTRE', TRUE),
  ('RSJ-CBDJ-001',  'OH-CENTRE', TRUE),
  ('GJJ-JCDJ-001',  'OH-CENTRE', TRUE),
  ('ZRZY-GHXK-001', 'OH-CENTRE', TRUE),
  ('ZRZY-BDCDJ-001','OH-CENTRE', TRUE),
  ('WJJ-CSZM-001',  'OH-CENTRE', TRUE);
-- livelihood matters near home: every township centre receives them
INSERT INTO matter_station (matter_code, station_code, decides)
  SELECT 'GA-CSDJ-001', code, TRUE FROM station;
INSERT INTO matter_station (matter_code, station_code, decides)
  SELECT 'YBJ-JMCB-001', code, TRUE FROM station;
-- the social security card is received at the townships and made by 人社's back office
INSERT INTO matter_station (matter_code, station_code, decides)
  SELECT 'RSJ-SBKSL-001', code, CASE WHEN level = 'DISTRICT' THEN TRUE ELSE FALSE END FROM station;
-- 公章刻制备案 is received at 娄桥 for the district's police (异地代收), decided by 公安's back office
INSERT INTO matter_station (matter_code, station_code, decides) VALUES
  ('GA-YZBA-001', 'OH-LOUQIAO', FALSE);
-- 食品经营许可 may also be received at the larger townships, decided at the district
INSERT INTO matter_station (matter_code, station_code, decides) VALUES
  ('SCJG-SPJY-001', 'OH-LOUQIAO', FALSE),
  ('SCJG-SPJY-001', 'OH-QUXI', FALSE);

-- A one-time notice refers to the applicant's earlier notice for the same matter, if any.
ALTER TABLE service_case ADD refers_to VARCHAR(32);
CREATE INDEX ix_case_applicant_matter ON service_case (applicant_id_number, matter_code);
