# language: vi
# Tiêu chí không đánh giá được: phải là mục lỗi, không phải phát hiện.
Tính năng: Tiêu chí viết sai

  Kịch bản: chưa chọn quy trình
    Thì mọi bước đều có vai trò thực hiện

  Kịch bản: quy trình không có
    Biết quy trình "QT-LOI-02"
    Thì mọi bước đều có vai trò thực hiện

  Kịch bản: tệp quy trình lỗi
    Biết quy trình "QT-HONG-01"
    Thì mọi bước đều có vai trò thực hiện

  Kịch bản: thời lượng sai
    Biết quy trình "QT-LOI-01"
    Thì đường đi dài nhất không vượt quá 5 ngay

  Kịch bản: trạng thái sai
    Biết quy trình "QT-LOI-01"
    Thì quy trình ở trạng thái "xong"

  Kịch bản: quy tắc không có
    Biết quy trình "QT-LOI-01"
    Thì quy trình không có phát hiện "QMS999"

  Kịch bản: bước không có trong thư viện
    Biết quy trình "QT-LOI-01"
    Thì quy trinh do vai tro "lanh-dao" chu tri

  Kịch bản: không có bước nào
