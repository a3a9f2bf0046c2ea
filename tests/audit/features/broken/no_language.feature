Tính năng: Quên dòng ngôn ngữ
  Kịch bản: không đọc được
    Biết quy trình "QT-LOI-01"
    Thì quy trình có bước "tiep-nhan"
