# language: vi
# AUD010 với fixtures/bad_config: cấu hình quy tắc của dự án sai (qms.toml chọn quy tắc không có).
Tính năng: Cấu hình quy tắc sai
  Kịch bản: phát hiện của quy tắc
    Biết quy trình "QT-CFG-01"
    Thì quy trình không có phát hiện "QMS101"
