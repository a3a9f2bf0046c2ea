# language: vi
# AUD002: bước không khớp câu nào của thư viện bước (thiếu dấu).
Tính năng: Bước không có trong thư viện
  Kịch bản: bước gõ thiếu dấu
    Biết quy trình "QT-LOI-01"
    Thì quy trinh do vai tro "lanh-dao" chu tri
