-- 瓯海区 (330304): the district centre, its subdistrict and town service centres, and the first matters.
INSERT INTO department (code, name) VALUES
  ('scjg', '瓯海区市场监督管理局'),
  ('wjj',  '瓯海区卫生健康局');

INSERT INTO station (code, name, level, parent_code, address, sort_order) VALUES
  ('OH-CENTRE',       '瓯海区行政服务中心',           'DISTRICT', NULL,        NULL, 0),
  ('OH-JINGSHAN',     '景山街道便民服务中心',         'TOWNSHIP', 'OH-CENTRE', NULL, 1),
  ('OH-XINQIAO',      '新桥街道便民服务中心',         'TOWNSHIP', 'OH-CENTRE', NULL, 2),
  ('OH-LOUQIAO',      '娄桥街道便民服务中心',         'TOWNSHIP', 'OH-CENTRE', NULL, 3),
  ('OH-WUTIAN',       '梧田街道便民服务中心',         'TOWNSHIP', 'OH-CENTRE', NULL, 4),
  ('OH-NANBAIXIANG',  '南白象街道便民服务中心',       'TOWNSHIP', 'OH-CENTRE', NULL, 5),
  ('OH-CHASHAN',      '茶山街道便民服务中心',         'TOWNSHIP', 'OH-CENTRE', NULL, 6),
  ('OH-SANYANG',      '三垟街道便民服务中心',         'TOWNSHIP', 'OH-CENTRE', NULL, 7),
  ('OH-PANQIAO',      '潘桥街道便民服务中心',         'TOWNSHIP', 'OH-CENTRE', NULL, 8),
  ('OH-GUOXI',        '郭溪街道便民服务中心',         'TOWNSHIP', 'OH-CENTRE', NULL, 9),
  ('OH-QUXI',         '瞿溪街道便民服务中心',         'TOWNSHIP', 'OH-CENTRE', NULL, 10),
  ('OH-LIAO',         '丽岙街道便民服务中心',         'TOWNSHIP', 'OH-CENTRE', NULL, 11),
  ('OH-XIANYAN',      '仙岩街道便民服务中心',         'TOWNSHIP', 'OH-CENTRE', NULL, 12),
  ('OH-ZEYA',         '泽雅镇便民服务中心',           'TOWNSHIP', 'OH-CENTRE', NULL, 13);

INSERT INTO matter (code, name, department_code, kind, statutory_workdays, promised_workdays, commitment_allowed, process_key) VALUES
  ('SCJG-GTDJ-001', '个体工商户设立登记',     'scjg', 'IMMEDIATE', 3,  0, FALSE, 'Process_IndividualBusinessRegistration'),
  ('SCJG-SPJY-001', '食品经营许可（新办）',   'scjg', 'PROMISED',  20, 5, TRUE,  'Process_FoodBusinessLicence'),
  ('WJJ-GGCS-001',  '公共场所卫生许可（新办）', 'wjj', 'PROMISED',  20, 7, TRUE,  'Process_PublicPlaceHygieneLicence');

INSERT INTO matter_material (matter_code, code, name, tolerable, sort_order) VALUES
  ('SCJG-GTDJ-001', 'M01', '个体工商户登记（备案）申请书',                   FALSE, 1),
  ('SCJG-GTDJ-001', 'M02', '经营者身份证明',                               FALSE, 2),
  ('SCJG-GTDJ-001', 'M03', '经营场所使用证明',                             FALSE, 3),
  ('SCJG-GTDJ-001', 'M04', '委托代理人身份证明及授权委托书',               TRUE,  4),
  ('SCJG-SPJY-001', 'M01', '食品经营许可申请书',                           FALSE, 1),
  ('SCJG-SPJY-001', 'M02', '营业执照或其他主体资格证明文件',               FALSE, 2),
  ('SCJG-SPJY-001', 'M03', '与食品经营相适应的主要设备设施布局、操作流程等文件', FALSE, 3),
  ('SCJG-SPJY-001', 'M04', '食品安全自查、从业人员健康管理等食品安全管理制度', TRUE,  4),
  ('SCJG-SPJY-001', 'M05', '食品安全管理人员名单',                         TRUE,  5),
  ('WJJ-GGCS-001',  'M01', '公共场所卫生许可申请表',                       FALSE, 1),
  ('WJJ-GGCS-001',  'M02', '法定代表人或负责人身份证明',                   FALSE, 2),
  ('WJJ-GGCS-001',  'M03', '公共场所地址方位示意图、平面图和卫生设施平面布局图', FALSE, 3),
  ('WJJ-GGCS-001',  'M04', '公共场所卫生检测或评价报告',                   TRUE,  4),
  ('WJJ-GGCS-001',  'M05', '公共场所卫生管理制度',                         TRUE,  5);

-- 个体工商户登记 is handled near home at every township centre; the licences at the district centre.
INSERT INTO matter_station (matter_code, station_code)
  SELECT 'SCJG-GTDJ-001', code FROM station;
INSERT INTO matter_station (matter_code, station_code) VALUES
  ('SCJG-SPJY-001', 'OH-CENTRE'),
  ('WJJ-GGCS-001',  'OH-CENTRE');
