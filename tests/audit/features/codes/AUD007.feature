# language: vi
# AUD007: hai kịch bản cùng tên; kịch bản đầu không chạy.
Tính năng: Hai kịch bản trùng tên
  Kịch bản: trùng
    Biết quy trình "QT-LOI-01"
    Thì quy trình có bước "tiep-nhan"

  Kịch bản: trùng
    Biết quy trình "QT-LOI-01"
    Thì quy trình có bước "kiem-tra"
