# language: vi
# AUD001: quy trình không đáp ứng tiêu chí (fixtures/shortfalls/QT-LOI-01.yaml do «mot-cua» chủ trì).
@iso9001-5.3 @QT-LOI-01
Tính năng: Tiêu chí không đạt
  Kịch bản: chủ trì
    Biết quy trình "QT-LOI-01"
    Thì quy trình do vai trò "lanh-dao" chủ trì
