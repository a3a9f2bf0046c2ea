# language: vi
@iso9001-8.5.1
Tính năng: Kiểm soát việc cung cấp dịch vụ (TCVN ISO 9001:2015, điều 8.5.1)
  Dịch vụ được cung cấp trong điều kiện được kiểm soát: có chuẩn mực chấp nhận ở mỗi
  bước kiểm tra, hoạt động kiểm tra diễn ra trước khi chuyển giao kết quả (8.5.1 a, c, h;
  8.6), người thực hiện được phân công.

  @iso9001-8.6 @QT-TTHC-01 @QT-TTHC-GD-01 @QT-VB-01 @QT-DGNB-01 @QT-TTHC-GD-02 @QT-TTHC-GD-03
  Khung kịch bản: Kết quả của <mã> chỉ được chuyển giao sau khi đã kiểm tra
    Biết quy trình "<mã>"
    Thì quy trình không có phát hiện "QMS606"
    Và mọi bước quyết định đều có tiêu chí chấp nhận

    Dữ liệu:
      | mã            |
      | QT-TTHC-01    |
      | QT-TTHC-GD-01 |
      | QT-VB-01      |
      | QT-DGNB-01    |
      | QT-TTHC-GD-02 |
      | QT-TTHC-GD-03 |

  @QT-TTHC-01
  Kịch bản: Kết quả TTHC được kiểm tra, phê duyệt rồi mới ban hành và trả cho người dân
    Biết quy trình "QT-TTHC-01"
    Thì quy trình đáp ứng điều khoản ISO 9001 8.5.1
    Và quy trình có bước "tra-ket-qua"
    Và bước "kiem-tra-du-thao" luôn diễn ra trước bước "phe-duyet"
    Và bước "phe-duyet" luôn diễn ra trước bước "ban-hanh-ket-qua"
    Và bước "ban-hanh-ket-qua" luôn diễn ra trước bước "tra-ket-qua"
    Và bước "kiem-tra-du-thao" có nhánh dẫn tới bước "tham-dinh"

  @QT-TTHC-GD-01
  Kịch bản: Nhà trường chỉ trả lời sau khi Hiệu trưởng quyết định
    Biết quy trình "QT-TTHC-GD-01"
    Thì quy trình đáp ứng điều khoản ISO 9001 8.5.1
    Và bước "xem-xet" luôn diễn ra trước bước "quyet-dinh"
    Và bước "quyet-dinh" luôn diễn ra trước bước "thong-bao-tiep-nhan"
    Và bước "quyet-dinh" có nhánh dẫn tới bước "tra-loi-tu-choi"

  @QT-VB-01
  Kịch bản: Văn bản đi được kiểm tra nội dung, thể thức trước khi ký và phát hành
    Biết quy trình "QT-VB-01"
    Thì quy trình đáp ứng điều khoản ISO 9001 8.5.1
    Và bước "kiem-tra-noi-dung" luôn diễn ra trước bước "duyet-ky"
    Và bước "kiem-tra-the-thuc" luôn diễn ra trước bước "duyet-ky"
    Và bước "duyet-ky" luôn diễn ra trước bước "phat-hanh"
