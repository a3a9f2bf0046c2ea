# language: vi
# Tiêu chí đánh giá mẫu do «qms init» tạo: chạy bằng «qms audit». Mỗi câu sau Biết/Thì/Và phải có trong thư viện câu
# (bảng câu: features/README.md của qms); một câu không có trong thư viện được báo kèm các câu gần nhất.
# Example audit criterion written by «qms init»; run it with «qms audit».
@iso9001-4.4 @QT-MAU-01
Tính năng: Quy trình mẫu được xác định đủ để vận hành và kiểm soát (TCVN ISO 9001:2015, điều 4.4)

  Kịch bản: Mỗi bước có người thực hiện, mỗi quyết định có tiêu chí, mỗi rủi ro có bước kiểm soát
    Biết quy trình "QT-MAU-01"
    Thì mọi bước đều có vai trò thực hiện
    Và mọi bước quyết định đều có tiêu chí chấp nhận
    Và mọi rủi ro đều có bước kiểm soát
    Và mọi hồ sơ đều có vai trò lưu giữ, nơi lưu và thời hạn lưu trữ
    Và quy trình không có phát hiện từ mức "lỗi" trở lên
