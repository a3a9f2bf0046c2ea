# language: vi
Tính năng: Tệp đúng bên cạnh tệp sai
  Kịch bản: vẫn chạy
    Biết quy trình "QT-LOI-01"
    Thì quy trình có bước "tiep-nhan"
