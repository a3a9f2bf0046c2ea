# language: vi
Tính năng: Câu riêng của đơn vị
  Kịch bản: bước riêng hỏng
    Biết quy trình "QT-LOI-01"
    Thì bước riêng này hỏng
