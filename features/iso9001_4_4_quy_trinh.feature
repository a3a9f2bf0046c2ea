# language: vi
@iso9001-4.4
Tính năng: Hệ thống quản lý chất lượng và các quá trình (TCVN ISO 9001:2015, điều 4.4)
  Mỗi quá trình được xác định đủ để vận hành và kiểm soát: đầu vào, đầu ra (4.4.1 a),
  trình tự và tương tác giữa các bước (4.4.1 b), chuẩn mực kiểm tra và chỉ số theo dõi
  (4.4.1 c), rủi ro và cơ hội cùng biện pháp kiểm soát (4.4.1 f).

  @iso9001-4.4.1 @QT-TTHC-01 @QT-TTHC-GD-01 @QT-VB-01 @QT-DGNB-01 @QT-TTHC-GD-02 @QT-TTHC-GD-03
  Khung kịch bản: Luồng công việc của <mã> liền mạch từ một bước bắt đầu tới bước kết thúc
    Biết quy trình "<mã>"
    Thì quy trình không có phát hiện "QMS101"
    Và quy trình không có phát hiện "QMS102"
    Và quy trình không có phát hiện "QMS103"
    Và quy trình không có phát hiện "QMS104"

    Dữ liệu:
      | mã            |
      | QT-TTHC-01    |
      | QT-TTHC-GD-01 |
      | QT-VB-01      |
      | QT-DGNB-01    |
      | QT-TTHC-GD-02 |
      | QT-TTHC-GD-03 |

  @iso9001-4.4.1 @QT-TTHC-01 @QT-TTHC-GD-01 @QT-VB-01 @QT-DGNB-01 @QT-TTHC-GD-02 @QT-TTHC-GD-03
  Khung kịch bản: Các bước của <mã> có đầu vào, đầu ra; bước quyết định có chuẩn mực; rủi ro được kiểm soát
    Biết quy trình "<mã>"
    Thì quy trình không có phát hiện "QMS601"
    Và mọi bước quyết định đều có tiêu chí chấp nhận
    Và mọi rủi ro đều có bước kiểm soát
    Và quy trình có ít nhất <số KPI> chỉ số

    Dữ liệu:
      | mã            | số KPI |
      | QT-TTHC-01    | 7      |
      | QT-TTHC-GD-01 | 6      |
      | QT-VB-01      | 5      |
      | QT-DGNB-01    | 5      |
      | QT-TTHC-GD-02 | 3      |
      | QT-TTHC-GD-03 | 3      |

  @iso9001-4.4.1 @QT-TTHC-01 @QT-TTHC-GD-01 @QT-VB-01 @QT-TTHC-GD-02 @QT-TTHC-GD-03
  Khung kịch bản: <mã> nêu điều khoản 4.4 trong các điều khoản được đáp ứng
    Biết quy trình "<mã>"
    Thì quy trình đáp ứng điều khoản ISO 9001 4.4

    Dữ liệu:
      | mã            |
      | QT-TTHC-01    |
      | QT-TTHC-GD-01 |
      | QT-VB-01      |
      | QT-TTHC-GD-02 |
      | QT-TTHC-GD-03 |

  @iso9001-4.4.1 @QT-TTHC-01 @QT-DGNB-01
  Kịch bản: Tương tác giữa các quá trình: kết quả TTHC và quyết định thành lập Đoàn đánh giá được ban hành qua QT-VB-01
    Biết quy trình "QT-TTHC-01"
    Thì quy trình có bước "ban-hanh-ket-qua"
    Và quy trình không có phát hiện "QMS106"
    Và quy trình không có phát hiện "QMS505"
    Biết quy trình "QT-DGNB-01"
    Thì quy trình có bước "ban-hanh-quyet-dinh"
    Và quy trình không có phát hiện "QMS106"
