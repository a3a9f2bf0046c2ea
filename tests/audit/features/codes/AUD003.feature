# language: vi
# AUD003: tiêu chí không đánh giá được như đã viết («5 ngay» không phải thời lượng).
Tính năng: Giá trị sai trong tiêu chí
  Kịch bản: thời lượng sai
    Biết quy trình "QT-LOI-01"
    Thì đường đi dài nhất không vượt quá 5 ngay
