# language: vi
Tính năng: Dùng «Ví dụ» thay cho «Dữ liệu»
  Khung kịch bản: mọi quy trình
    Biết quy trình "<mã>"
    Thì quy trình có bước "tiep-nhan"

    Ví dụ:
      | mã        |
      | QT-LOI-01 |
