-- The working-day calendar (工作日历): one row per exceptional day, weekends and weekdays alike.
-- Shipped: the State Council's 2025 and 2026 holiday notices (RULES.md); administrators edit it
-- through PUT /api/calendar/{year}. A year without a calendar_year row is not loaded: counting
-- into it is an error, never a guess.
CREATE TABLE calendar_year (
  year_no    INT          NOT NULL PRIMARY KEY,
  updated_at DATETIME(3)  NOT NULL,
  updated_by VARCHAR(64)  NOT NULL
);

CREATE TABLE calendar_day (
  calendar_date DATE         NOT NULL PRIMARY KEY,
  year_no       INT          NOT NULL,
  kind          VARCHAR(16)  NOT NULL,  -- HOLIDAY (a day off) | WORKDAY (an adjusted working day, 调休)
  name          VARCHAR(100) NOT NULL,
  CONSTRAINT fk_calendar_day_year FOREIGN KEY (year_no) REFERENCES calendar_year (year_no)
);

INSERT INTO calendar_year (year_no, updated_at, updated_by) VALUES (2025, TIMESTAMP '2026-11-27 00:00:00', 'flyway');
INSERT INTO calendar_day (calendar_date, year_no, kind, name) VALUES
  ('2025-01-01', 2025, 'HOLIDAY', '元旦'),
  ('2025-01-28', 2025, 'HOLIDAY', '春节'),
  ('2025-01-29', 2025, 'HOLIDAY', '春节'),
  ('2025-01-30', 2025, 'HOLIDAY', '春节'),
  ('2025-01-31', 2025, 'HOLIDAY', '春节'),
  ('2025-02-01', 2025, 'HOLIDAY', '春节'),
  ('2025-02-02', 2025, 'HOLIDAY', '春节'),
  ('2025-02-03', 2025, 'HOLIDAY', '春节'),
  ('2025-02-04', 2025, 'HOLIDAY', '春节'),
  ('2025-04-04', 2025, 'HOLIDAY', '清明节'),
  ('2025-04-05', 2025, 'HOLIDAY', '清明节'),
  ('2025-04-06', 2025, 'HOLIDAY', '清明节'),
  ('2025-05-01', 2025, 'HOLIDAY', '劳动节'),
  ('2025-05-02', 2025, 'HOLIDAY', '劳动节'),
  ('2025-05-03', 2025, 'HOLIDAY', '劳动节'),
  ('2025-05-04', 2025, 'HOLIDAY', '劳动节'),
  ('2025-05-05', 2025, 'HOLIDAY', '劳动节'),
  ('2025-05-31', 2025, 'HOLIDAY', '端午节'),
  ('2025-06-01', 2025, 'HOLIDAY', '端午节'),
  ('2025-06-02', 2025, 'HOLIDAY', '端午节'),
  ('2025-10-01', 2025, 'HOLIDAY', '国庆节、中秋节'),
  ('2025-10-02', 2025, 'HOLIDAY', '国庆节、中秋节'),
  ('2025-10-03', 2025, 'HOLIDAY', '国庆节、中秋节'),
  ('2025-10-04', 2025, 'HOLIDAY', '国庆节、中秋节'),
  ('2025-10-05', 2025, 'HOLIDAY', '国庆节、中秋节'),
  ('2025-10-06', 2025, 'HOLIDAY', '国庆节、中秋节'),
  ('2025-10-07', 2025, 'HOLIDAY', '国庆节、中秋节'),
  ('2025-10-08', 2025, 'HOLIDAY', '国庆节、中秋节'),
  ('2025-01-26', 2025, 'WORKDAY', '春节调休'),
  ('2025-02-08', 2025, 'WORKDAY', '春节调休'),
  ('2025-04-27', 2025, 'WORKDAY', '劳动节调休'),
  ('2025-09-28', 2025, 'WORKDAY', '国庆节调休'),
  ('2025-10-11', 2025, 'WORKDAY', '国庆节调休');

INSERT INTO calendar_year (year_no, updated_at, updated_by) VALUES (2026, TIMESTAMP '2026-11-27 00:00:00', 'flyway');
INSERT INTO calendar_day (calendar_date, year_no, kind, name) VALUES
  ('2026-01-01', 2026, 'HOLIDAY', '元旦'),
  ('2026-01-02', 2026, 'HOLIDAY', '元旦'),
  ('2026-01-03', 2026, 'HOLIDAY', '元旦'),
  ('2026-02-15', 2026, 'HOLIDAY', '春节'),
  ('2026-02-16', 2026, 'HOLIDAY', '春节'),
  ('2026-02-17', 2026, 'HOLIDAY', '春节'),
  ('2026-02-18', 2026, 'HOLIDAY', '春节'),
  ('2026-02-19', 2026, 'HOLIDAY', '春节'),
  ('2026-02-20', 2026, 'HOLIDAY', '春节'),
  ('2026-02-21', 2026, 'HOLIDAY', '春节'),
  ('2026-02-22', 2026, 'HOLIDAY', '春节'),
  ('2026-02-23', 2026, 'HOLIDAY', '春节'),
  ('2026-04-04', 2026, 'HOLIDAY', '清明节'),
  ('2026-04-05', 2026, 'HOLIDAY', '清明节'),
  ('2026-04-06', 2026, 'HOLIDAY', '清明节'),
  ('2026-05-01', 2026, 'HOLIDAY', '劳动节'),
  ('2026-05-02', 2026, 'HOLIDAY', '劳动节'),
  ('2026-05-03', 2026, 'HOLIDAY', '劳动节'),
  ('2026-05-04', 2026, 'HOLIDAY', '劳动节'),
  ('2026-05-05', 2026, 'HOLIDAY', '劳动节'),
  ('2026-06-19', 2026, 'HOLIDAY', '端午节'),
  ('2026-06-20', 2026, 'HOLIDAY', '端午节'),
  ('2026-06-21', 2026, 'HOLIDAY', '端午节'),
  ('2026-09-25', 2026, 'HOLIDAY', '中秋节'),
  ('2026-09-26', 2026, 'HOLIDAY', '中秋节'),
  ('2026-09-27', 2026, 'HOLIDAY', '中秋节'),
  ('2026-10-01', 2026, 'HOLIDAY', '国庆节'),
  ('2026-10-02', 2026, 'HOLIDAY', '国庆节'),
  ('2026-10-03', 2026, 'HOLIDAY', '国庆节'),
  ('2026-10-04', 2026, 'HOLIDAY', '国庆节'),
  ('2026-10-05', 2026, 'HOLIDAY', '国庆节'),
  ('2026-10-06', 2026, 'HOLIDAY', '国庆节'),
  ('2026-10-07', 2026, 'HOLIDAY', '国庆节'),
  ('2026-01-04', 2026, 'WORKDAY', '元旦调休'),
  ('2026-02-14', 2026, 'WORKDAY', '春节调休'),
  ('2026-02-28', 2026, 'WORKDAY', '春节调休'),
  ('2026-05-09', 2026, 'WORKDAY', '劳动节调休'),
  ('2026-09-20', 2026, 'WORKDAY', '国庆节调休'),
  ('2026-10-10', 2026, 'WORKDAY', '国庆节调休');
