# language: vi
# AUD005: tệp của quy trình được đánh giá có lỗi (fixtures/shortfalls/QT-HONG-01.yaml).
Tính năng: Tệp quy trình lỗi
  Kịch bản: quy trình không đọc được
    Biết quy trình "QT-HONG-01"
    Thì mọi bước đều có vai trò thực hiện
