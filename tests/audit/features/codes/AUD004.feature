# language: vi
# AUD004: quy trình được nêu tên không có trong thư mục đánh giá.
Tính năng: Quy trình không có
  Kịch bản: mã quy trình sai
    Biết quy trình "QT-LOI-02"
    Thì mọi bước đều có vai trò thực hiện
